import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CommitteeEntity } from '@gc/council';
import { DelegateEntity } from '../delegate/delegate.entity';

/** A delegate's seat on a committee; a delegate may sit on several. Removal deletes the row; the ledger keeps the history. */
@Entity('committee_member')
@Index('UQ_committee_member_one_chair', ['committeeId'], { unique: true, where: '"chair"' })
@Index(['delegateId'])
export class CommitteeMemberEntity {
  @PrimaryColumn('uuid', { name: 'committee_id' })
  committeeId: string;

  @ManyToOne(() => CommitteeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: CommitteeEntity;

  @PrimaryColumn('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: DelegateEntity;

  @Column('boolean', { default: false })
  chair: boolean;

  @Column('timestamptz', { name: 'joined_at', default: () => 'now()' })
  joinedAt: Date;
}
