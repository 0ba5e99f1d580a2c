import { MajorityRule, VoteOutcome } from '../vote/vote.entity';
import { decide, NO_BALLOTS } from './tally';

describe('deciding a vote from its tally', () => {
  it('applies the rule to weights, not to counts, and sums turnout', () => {
    const counts = { yesCount: 1, noCount: 2, abstainCount: 1, yesWeight: 5, noWeight: 2, abstainWeight: 1 };
    expect(decide(MajorityRule.SIMPLE, counts, 9)).toEqual({ ...counts, outcome: VoteOutcome.ADOPTED, turnout: 4, turnoutWeight: 8 });
    expect(decide(MajorityRule.TWO_THIRDS_ROLL, counts, 9).outcome).toBe(VoteOutcome.REJECTED);
  });

  it('rejects a vote nobody voted in, whatever the rule', () => {
    for (const rule of Object.values(MajorityRule)) {
      expect(decide(rule, NO_BALLOTS, 10)).toMatchObject({ outcome: VoteOutcome.REJECTED, turnout: 0, turnoutWeight: 0 });
    }
  });
});
