import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CouncilEntity } from '@gc/council';
import { DelegateEntity } from '@gc/mandates';
import { SessionAgendaItemEntity, SessionEntity } from '@gc/sessions';
import { AmendmentEntity } from '../resolution/amendment.entity';
import { ResolutionEntity } from '../resolution/resolution.entity';

export enum MajorityRule {
  SIMPLE = 'SIMPLE',
  TWO_THIRDS_CAST = 'TWO_THIRDS_CAST',
  TWO_THIRDS_ROLL = 'TWO_THIRDS_ROLL',
  ABSOLUTE = 'ABSOLUTE',
}

export enum BallotSecrecy {
  ROLL_CALL = 'ROLL_CALL',
  SECRET = 'SECRET',
}

export enum VoteStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum VoteOutcome {
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
}

/**
 * One vote on one agenda line: on a resolution (its latest text version) or on one of its amendments.
 * The roll, the quorum and the rule are fixed when it opens; the result is written once, when it closes.
 */
@Entity('vote')
@Index('UQ_vote_open_per_resolution', ['resolutionId'], { unique: true, where: `"status" = 'OPEN'` })
@Index('IDX_vote_open_deadline', ['deadline'], { where: `"status" = 'OPEN' AND "deadline" IS NOT NULL` })
@Index(['sessionId'])
@Index(['agendaItemId'])
@Check(
  'CHK_vote_closed_has_result',
  `"status" = 'OPEN' OR ("outcome" IS NOT NULL AND "closed_at" IS NOT NULL AND "receipt_root" IS NOT NULL)`,
)
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'council_id' })
  councilId: string;

  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: CouncilEntity;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column('uuid', { name: 'agenda_item_id' })
  agendaItemId: string;

  @ManyToOne(() => SessionAgendaItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: SessionAgendaItemEntity;

  @Column('uuid', { name: 'resolution_id' })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id' })
  resolution?: ResolutionEntity;

  /** Set when the vote is on an amendment rather than on the resolution itself. */
  @Column('uuid', { name: 'amendment_id', nullable: true })
  amendmentId: string | null;

  @ManyToOne(() => AmendmentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'amendment_id' })
  amendment?: AmendmentEntity;

  /** The resolution's text version voted on (for an amendment, the version it rewrites). */
  @Column('int', { name: 'text_version' })
  textVersion: number;

  @Column('enum', { enum: MajorityRule, enumName: 'majority_rule' })
  rule: MajorityRule;

  @Column('enum', { enum: BallotSecrecy, enumName: 'ballot_secrecy' })
  secrecy: BallotSecrecy;

  @Column('enum', { enum: VoteStatus, enumName: 'vote_status', default: VoteStatus.OPEN })
  status: VoteStatus;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  /** Ballots are refused from this instant on, by the database, whether or not the vote was closed yet. */
  @Column('timestamptz', { nullable: true })
  deadline: Date | null;

  /** The frozen roll: how many voters, their total weight, and SHA-256 of its canonical JSON. */
  @Column('int', { name: 'roll_size' })
  rollSize: number;

  @Column('int', { name: 'roll_weight' })
  rollWeight: number;

  @Column('char', { name: 'roll_hash', length: 64 })
  rollHash: string;

  /** Quorum at opening: present and seated, of the seated, with the council's fraction then. */
  @Column('int', { name: 'quorum_present' })
  quorumPresent: number;

  @Column('int', { name: 'quorum_seated' })
  quorumSeated: number;

  @Column('int', { name: 'quorum_numerator' })
  quorumNumerator: number;

  @Column('int', { name: 'quorum_denominator' })
  quorumDenominator: number;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** True when the deadline sweep closed it, false when the secretariat did. */
  @Column('boolean', { name: 'closed_at_deadline', nullable: true })
  closedAtDeadline: boolean | null;

  @Column('int', { name: 'yes_count', nullable: true })
  yesCount: number | null;

  @Column('int', { name: 'no_count', nullable: true })
  noCount: number | null;

  @Column('int', { name: 'abstain_count', nullable: true })
  abstainCount: number | null;

  @Column('int', { name: 'yes_weight', nullable: true })
  yesWeight: number | null;

  @Column('int', { name: 'no_weight', nullable: true })
  noWeight: number | null;

  @Column('int', { name: 'abstain_weight', nullable: true })
  abstainWeight: number | null;

  @Column('enum', { enum: VoteOutcome, enumName: 'vote_outcome', nullable: true })
  outcome: VoteOutcome | null;

  /** RFC 6962 Merkle root over the counted ballots' receipt hashes in ascending order, hex. */
  @Column('char', { name: 'receipt_root', length: 64, nullable: true })
  receiptRoot: string | null;
}

/** One voter on a vote's frozen roll, with the weight their ballot carries. Rows never change (a trigger refuses it). */
@Entity('vote_roll')
@Check('CHK_vote_roll_weight_positive', '"weight" > 0')
export class VoteRollEntity {
  @PrimaryColumn('uuid', { name: 'vote_id' })
  voteId: string;

  @ManyToOne(() => VoteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vote_id' })
  vote?: VoteEntity;

  @PrimaryColumn('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => DelegateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: DelegateEntity;

  @Column('int')
  weight: number;
}
