import { MajorityRule } from './vote.entity';

/** What the rules look at: the weight of YES, NO and ABSTAIN ballots cast, and the weight of the whole roll. */
export interface RuleInput {
  yes: number;
  no: number;
  abstain: number;
  /** The frozen roll's total weight (its size when every voter weighs 1). */
  roll: number;
}

/**
 * Whether the motion carries under `rule` (DOMAIN.md "Majority rules"), in exact integer arithmetic on weights:
 *
 * - SIMPLE: yes > no.
 * - TWO_THIRDS_CAST: 3 x yes >= 2 x (yes + no), with at least one YES.
 * - TWO_THIRDS_ROLL: 3 x yes >= 2 x roll, with a non-empty roll.
 * - ABSOLUTE: 2 x yes > roll.
 *
 * Abstentions count for turnout only: they are never for or against, so they appear in no formula. A tie is
 * never a majority (SIMPLE 1-1 fails), and nothing carries with zero turnout or without a single YES: the
 * two-thirds formulas are otherwise met by 0 >= 0.
 */
export function carries(rule: MajorityRule, input: RuleInput): boolean {
  assertTally(input);
  const yes = BigInt(input.yes);
  const no = BigInt(input.no);
  const roll = BigInt(input.roll);
  switch (rule) {
    case MajorityRule.SIMPLE:
      return yes > no;
    case MajorityRule.TWO_THIRDS_CAST:
      return yes > 0n && 3n * yes >= 2n * (yes + no);
    case MajorityRule.TWO_THIRDS_ROLL:
      return roll > 0n && 3n * yes >= 2n * roll;
    case MajorityRule.ABSOLUTE:
      return 2n * yes > roll;
    default:
      throw new RangeError(`unknown majority rule ${String(rule)}`);
  }
}

function assertTally(input: RuleInput): void {
  for (const key of ['yes', 'no', 'abstain', 'roll'] as const) {
    const value = input[key];
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${key} must be a non-negative integer, got ${value}`);
  }
  if (input.yes + input.no + input.abstain > input.roll) {
    throw new RangeError(`ballots cast (${input.yes + input.no + input.abstain}) exceed the roll (${input.roll})`);
  }
}
