import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DelegateEntity } from '@gc/mandates';
import { SessionEntity } from '../session/session.entity';

/** A delegate's presence at a session: present while checked in and not checked out. */
@Entity('session_attendance')
@Index(['delegateId'])
export class AttendanceEntity {
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @PrimaryColumn('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: DelegateEntity;

  @Column('boolean')
  present: boolean;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;
}
