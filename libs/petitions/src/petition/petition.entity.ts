import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CouncilEntity } from '@gc/council';
import { DelegateEntity } from '@gc/mandates';
import { SessionEntity } from '@gc/sessions';

export enum PetitionStatus {
  OPEN = 'OPEN',
  THRESHOLD_MET = 'THRESHOLD_MET',
  EXPIRED = 'EXPIRED',
  CONVENED = 'CONVENED',
}

/** A request by delegates to convene a special session. */
@Entity('petition')
@Index(['councilId', 'status'])
export class PetitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  @Column('uuid', { name: 'opened_by_delegate_id' })
  openedByDelegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by_delegate_id' })
  openedBy?: DelegateEntity;

  @Column('text')
  purpose: string;

  @Column('text', { name: 'proposed_agenda', array: true })
  proposedAgenda: string[];

  /** As stored; reads derive EXPIRED from `expiresAt` before the sweep has written it. */
  @Column('enum', { enum: PetitionStatus, enumName: 'petition_status', default: PetitionStatus.OPEN })
  status: PetitionStatus;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'threshold_met_at', nullable: true })
  thresholdMetAt: Date | null;

  /** Snapshot frozen when the threshold was met: S, V and who had signed. */
  @Column('int', { name: 'snapshot_seated', nullable: true })
  snapshotSeated: number | null;

  @Column('int', { name: 'snapshot_valid_signatures', nullable: true })
  snapshotValidSignatures: number | null;

  @Column('uuid', { name: 'snapshot_signers', array: true, nullable: true })
  snapshotSigners: string[] | null;

  /** The secretariat must convene the special session by then. */
  @Column('timestamptz', { name: 'convene_deadline', nullable: true })
  conveneDeadline: Date | null;

  @Column('uuid', { name: 'convened_session_id', nullable: true })
  convenedSessionId: string | null;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'convened_session_id' })
  convenedSession?: SessionEntity;

  @Column('timestamptz', { name: 'convened_at', nullable: true })
  convenedAt: Date | null;
}

/** One delegate's signature; the primary key makes "sign once" a database rule. */
@Entity('petition_signature')
@Index(['delegateId'])
export class PetitionSignatureEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' })
  petitionId: string;

  @ManyToOne(() => PetitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'petition_id' })
  petition?: PetitionEntity;

  @PrimaryColumn('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: DelegateEntity;

  @Column('timestamptz', { name: 'signed_at', default: () => 'now()' })
  signedAt: Date;
}
