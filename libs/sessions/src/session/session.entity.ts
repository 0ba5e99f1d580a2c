import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CouncilEntity } from '@gc/council';

export enum SessionKind {
  REGULAR = 'REGULAR',
  SPECIAL = 'SPECIAL',
}

export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  ADJOURNED = 'ADJOURNED',
  CANCELLED = 'CANCELLED',
}

@Entity('council_session')
@Index(['councilId', 'startsAt'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  @Column('enum', { enum: SessionKind, enumName: 'session_kind' })
  kind: SessionKind;

  @Column('enum', { enum: SessionStatus, enumName: 'session_status', default: SessionStatus.SCHEDULED })
  status: SessionStatus;

  @Column('text')
  title: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text', { name: 'online_link', nullable: true })
  onlineLink: string | null;

  @Column('timestamptz', { name: 'convened_at' })
  convenedAt: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { name: 'adjourned_at', nullable: true })
  adjournedAt: Date | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  @OneToMany(() => SessionAgendaItemEntity, (item) => item.session)
  agenda?: SessionAgendaItemEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A line of a session's agenda, in order. */
@Entity('session_agenda_item')
@Index(['sessionId', 'position'], { unique: true })
export class SessionAgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, (session) => session.agenda, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column('int')
  position: number;

  @Column('text')
  title: string;
}
