import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DelegationEntity } from '@gc/council';
import { ConstituentEntity } from '../constituent/constituent.entity';
import { DelegateEntity } from '../delegate/delegate.entity';

export enum MandateStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  /** Replaced by a transfer to another delegate. */
  SUPERSEDED = 'SUPERSEDED',
}

/**
 * A constituent's authorization for one delegate of the same delegation. A row stored as ACTIVE whose
 * `expires_at` has passed is EXPIRED for every read; the sweep only catches the stored status up.
 */
@Entity('mandate')
@Index('UQ_mandate_one_active_per_constituent', ['constituentId'], { unique: true, where: `"status" = 'ACTIVE'` })
@Index('IDX_mandate_active_by_delegate', ['delegateId'], { where: `"status" = 'ACTIVE'` })
@Index('IDX_mandate_active_expiry', ['expiresAt'], { where: `"status" = 'ACTIVE' AND "expires_at" IS NOT NULL` })
@Index(['constituentId', 'issuedAt'])
@Check('CHK_mandate_ended_iff_not_active', `("status" = 'ACTIVE') = ("ended_at" IS NULL)`)
@Check('CHK_mandate_expiry_after_issue', `"expires_at" IS NULL OR "expires_at" > "issued_at"`)
export class MandateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The delegation of both the constituent and the delegate. */
  @Column('uuid', { name: 'delegation_id' })
  delegationId: string;

  @ManyToOne(() => DelegationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegation_id' })
  delegation?: DelegationEntity;

  @Column('uuid', { name: 'constituent_id' })
  constituentId: string;

  @ManyToOne(() => ConstituentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'constituent_id' })
  constituent?: ConstituentEntity;

  @Column('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: DelegateEntity;

  @Column('enum', { enum: MandateStatus, enumName: 'mandate_status' })
  status: MandateStatus;

  @Column('timestamptz', { name: 'issued_at', default: () => 'now()' })
  issuedAt: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  /** When it stopped being ACTIVE: revoked, superseded, or its expiry instant. */
  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  /** The mandate a transfer replaced this one with. */
  @Column('uuid', { name: 'superseded_by_id', nullable: true })
  supersededById: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'superseded_by_id' })
  supersededBy?: MandateEntity;
}
