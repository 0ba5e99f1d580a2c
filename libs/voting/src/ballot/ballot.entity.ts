import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VoteRollEntity } from '../vote/vote.entity';

export enum BallotChoice {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
}

const ON_ROLL = [
  { name: 'vote_id', referencedColumnName: 'voteId' },
  { name: 'delegate_id', referencedColumnName: 'delegateId' },
];

/**
 * A named ballot of a ROLL_CALL vote. The primary key is the one-counted-ballot rule; the voter may replace
 * the choice (and receives a new receipt) until the vote closes. The foreign key to the roll means only a
 * voter on the roll can have one.
 */
@Entity('roll_call_ballot')
@Index('UQ_roll_call_ballot_receipt', ['voteId', 'receiptHash'], { unique: true })
export class RollCallBallotEntity {
  @PrimaryColumn('uuid', { name: 'vote_id' })
  voteId: string;

  @PrimaryColumn('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => VoteRollEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(ON_ROLL)
  voter?: VoteRollEntity;

  @Column('enum', { enum: BallotChoice, enumName: 'ballot_choice' })
  choice: BallotChoice;

  @Column('int')
  weight: number;

  /** SHA-256 of the receipt token handed to the voter; the token itself is never stored. */
  @Column('bytea', { name: 'receipt_hash' })
  receiptHash: Buffer;
}

/**
 * SECRET votes, who voted: one row per voter, the one-ballot rule. Deliberately no timestamp, no sequence,
 * no reference to the ballot box: nothing here orders the rows or points at a choice.
 */
@Entity('vote_participation')
export class VoteParticipationEntity {
  @PrimaryColumn('uuid', { name: 'vote_id' })
  voteId: string;

  @PrimaryColumn('uuid', { name: 'delegate_id' })
  delegateId: string;

  @ManyToOne(() => VoteRollEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(ON_ROLL)
  voter?: VoteRollEntity;
}

/**
 * SECRET votes, what was chosen: keyed by the receipt hash (random), with no voter, no timestamp and no
 * sequence. Written in the same transaction as the participation row and published sorted by receipt hash.
 * `vote_id` is checked by the ballot trigger rather than a foreign key, whose check would lock the vote row
 * for every ballot.
 */
@Entity('ballot_box')
export class BallotBoxEntity {
  @PrimaryColumn('uuid', { name: 'vote_id' })
  voteId: string;

  @PrimaryColumn('bytea', { name: 'receipt_hash' })
  receiptHash: Buffer;

  @Column('enum', { enum: BallotChoice, enumName: 'ballot_choice' })
  choice: BallotChoice;

  @Column('int')
  weight: number;
}
