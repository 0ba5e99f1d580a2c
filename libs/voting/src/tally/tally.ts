import { carries } from '../vote/majority';
import { MajorityRule, VoteOutcome } from '../vote/vote.entity';

/** Counted ballots by choice, in ballots and in weight, as the one aggregate query returns them. */
export interface BallotCounts {
  yesCount: number;
  noCount: number;
  abstainCount: number;
  yesWeight: number;
  noWeight: number;
  abstainWeight: number;
}

export interface VoteResult extends BallotCounts {
  outcome: VoteOutcome;
  /** Ballots counted, abstentions included. */
  turnout: number;
  turnoutWeight: number;
}

export const NO_BALLOTS: BallotCounts = { yesCount: 0, noCount: 0, abstainCount: 0, yesWeight: 0, noWeight: 0, abstainWeight: 0 };

/** The result of a closed vote: the rule applied to weights (which equal counts when every voter weighs 1). */
export function decide(rule: MajorityRule, counts: BallotCounts, rollWeight: number): VoteResult {
  const adopted = carries(rule, { yes: counts.yesWeight, no: counts.noWeight, abstain: counts.abstainWeight, roll: rollWeight });
  return {
    ...counts,
    outcome: adopted ? VoteOutcome.ADOPTED : VoteOutcome.REJECTED,
    turnout: counts.yesCount + counts.noCount + counts.abstainCount,
    turnoutWeight: counts.yesWeight + counts.noWeight + counts.abstainWeight,
  };
}
