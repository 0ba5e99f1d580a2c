import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BallotSecrecy, VoteOutcome, VoteStatus } from '../vote/vote.entity';
import { LiveCounts } from './tally.repository';

@ObjectType('VoteTally', {
  description:
    'A vote as it stands: turnout while open, and the counts by choice for roll-call votes only (a secret vote shows only turnout until it closes).',
})
export class VoteTallyModel {
  @Field(() => ID)
  voteId: string;

  @Field(() => VoteStatus)
  status: VoteStatus;

  @Field(() => BallotSecrecy)
  secrecy: BallotSecrecy;

  @Field(() => Int)
  rollSize: number;

  @Field(() => Int, { description: 'Ballots counted so far, abstentions included.' })
  turnout: number;

  @Field(() => Int, { nullable: true, description: 'Null for a secret vote until it closes.' })
  yes: number | null;

  @Field(() => Int, { nullable: true })
  no: number | null;

  @Field(() => Int, { nullable: true })
  abstain: number | null;

  @Field(() => VoteOutcome, { nullable: true, description: 'Set once the vote is closed.' })
  outcome: VoteOutcome | null;
}

/** What a tally is shown from: a vote as the API models it (its result is null while open). */
export interface TallySource {
  id: string;
  status: VoteStatus;
  secrecy: BallotSecrecy;
  rollSize: number;
  result: { yes: number; no: number; abstain: number; outcome: VoteOutcome } | null;
}

/** The tally to show: the stored result once closed, else the live counts (without choices for a secret vote). */
export function toTallyModel(vote: TallySource, live: LiveCounts | null): VoteTallyModel {
  const base = { voteId: vote.id, status: vote.status, secrecy: vote.secrecy, rollSize: vote.rollSize };
  if (vote.result) {
    const { yes, no, abstain, outcome } = vote.result;
    return { ...base, turnout: yes + no + abstain, yes, no, abstain, outcome };
  }
  const named = vote.secrecy === BallotSecrecy.ROLL_CALL;
  return {
    ...base,
    turnout: live?.turnout ?? 0,
    yes: named ? (live?.yes ?? 0) : null,
    no: named ? (live?.no ?? 0) : null,
    abstain: named ? (live?.abstain ?? 0) : null,
    outcome: null,
  };
}
