import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DelegateEntity } from '../delegate/delegate.entity';

export enum SeatChangeReason {
  ACCREDITED = 'ACCREDITED',
  ACCREDITATION_WITHDRAWN = 'ACCREDITATION_WITHDRAWN',
  MANDATE_ISSUED = 'MANDATE_ISSUED',
  MANDATE_REVOKED = 'MANDATE_REVOKED',
  MANDATE_TRANSFERRED = 'MANDATE_TRANSFERRED',
  MANDATE_EXPIRED = 'MANDATE_EXPIRED',
  MANDATES_IMPORTED = 'MANDATES_IMPORTED',
  CONSTITUENT_ERASED = 'CONSTITUENT_ERASED',
}

/** One change of one delegate's seat. Rows are only ever added; "who was seated at T" replays them. */
@Entity('seat_history')
@Index(['councilId', 'at'])
@Index(['delegateId', 'at'])
export class SeatHistoryEntity {
  /** Orders changes that share an instant. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @Column('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: DelegateEntity;

  @Column('boolean', { name: 'from_seated' })
  fromSeated: boolean;

  @Column('boolean', { name: 'to_seated' })
  toSeated: boolean;

  @Column('enum', { enum: SeatChangeReason, enumName: 'seat_change_reason' })
  reason: SeatChangeReason;

  /** Active mandates right after the change. */
  @Column('int', { name: 'active_mandates' })
  activeMandates: number;

  /** When the change took effect; for an expiry, the expiry instant even if it was recorded later. */
  @Column('timestamptz')
  at: Date;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}
