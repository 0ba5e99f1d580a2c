import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SessionAgendaItemEntity, SessionEntity } from '@gc/sessions';
import { AmendmentEntity } from '../resolution/amendment.entity';
import { ResolutionEntity } from '../resolution/resolution.entity';

/**
 * What a session agenda line puts to the vote: a resolution, or one of its amendments. The line itself (its
 * position and title) stays in the sessions feature's `session_agenda_item`, so a session has one ordered agenda.
 */
@Entity('agenda_motion')
@Index('UQ_agenda_motion_resolution', ['sessionId', 'resolutionId'], { unique: true, where: '"amendment_id" IS NULL' })
@Index('UQ_agenda_motion_amendment', ['sessionId', 'amendmentId'], { unique: true, where: '"amendment_id" IS NOT NULL' })
@Index(['resolutionId'])
export class AgendaMotionEntity {
  @PrimaryColumn('uuid', { name: 'agenda_item_id' })
  agendaItemId: string;

  @ManyToOne(() => SessionAgendaItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: SessionAgendaItemEntity;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column('uuid', { name: 'resolution_id' })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id' })
  resolution?: ResolutionEntity;

  /** Set when the line puts an amendment of the resolution to the vote. */
  @Column('uuid', { name: 'amendment_id', nullable: true })
  amendmentId: string | null;

  @ManyToOne(() => AmendmentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'amendment_id' })
  amendment?: AmendmentEntity;
}
