import fc from 'fast-check';
import { carries, RuleInput } from './majority';
import { MajorityRule } from './vote.entity';

const { SIMPLE, TWO_THIRDS_CAST, TWO_THIRDS_ROLL, ABSOLUTE } = MajorityRule;
const tally = (yes: number, no: number, abstain: number, roll: number): RuleInput => ({ yes, no, abstain, roll });

/** The definitions of DOMAIN.md, in exact big-integer arithmetic, plus "nothing passes without a YES". */
function definition(rule: MajorityRule, t: RuleInput): boolean {
  const [yes, no, roll] = [BigInt(t.yes), BigInt(t.no), BigInt(t.roll)];
  switch (rule) {
    case SIMPLE:
      return yes > no;
    case TWO_THIRDS_CAST:
      return yes > 0n && 3n * yes >= 2n * (yes + no);
    case TWO_THIRDS_ROLL:
      return yes > 0n && 3n * yes >= 2n * roll;
    case ABSOLUTE:
      return 2n * yes > roll;
  }
}

/** A valid tally: non-negative weights whose sum fits in the roll. */
const tallies = (max = 1_000_000) =>
  fc
    .tuple(fc.nat(max), fc.nat(max), fc.nat(max), fc.nat(max))
    .map(([yes, no, abstain, absent]) => tally(yes, no, abstain, yes + no + abstain + absent));
const rules = fc.constantFrom(SIMPLE, TWO_THIRDS_CAST, TWO_THIRDS_ROLL, ABSOLUTE);

describe('majority rules', () => {
  it.each([
    // rule, yes, no, abstain, roll, carries
    [SIMPLE, 6, 5, 0, 11, true],
    [SIMPLE, 5, 5, 3, 13, false], // a tie is not a majority
    [SIMPLE, 1, 0, 50, 100, true], // abstentions are neither for nor against
    [SIMPLE, 0, 0, 0, 10, false], // zero turnout
    [TWO_THIRDS_CAST, 10, 5, 0, 15, true], // exactly two-thirds of those voting
    [TWO_THIRDS_CAST, 9, 5, 0, 14, false],
    [TWO_THIRDS_CAST, 2, 1, 97, 100, true], // abstentions do not count in the denominator
    [TWO_THIRDS_CAST, 0, 0, 0, 10, false], // 0 >= 0, but nobody said yes
    [TWO_THIRDS_CAST, 0, 0, 7, 10, false], // only abstentions
    [TWO_THIRDS_ROLL, 16, 0, 0, 24, true], // 3 x 16 = 48 = 2 x 24
    [TWO_THIRDS_ROLL, 15, 0, 9, 24, false],
    [TWO_THIRDS_ROLL, 17, 8, 0, 25, true],
    [TWO_THIRDS_ROLL, 16, 0, 0, 25, false],
    [TWO_THIRDS_ROLL, 0, 0, 0, 0, false], // an empty roll carries nothing
    [ABSOLUTE, 13, 0, 0, 24, true],
    [ABSOLUTE, 12, 0, 12, 24, false], // exactly half of the roll is not more than half
    [ABSOLUTE, 12, 0, 0, 23, true],
    [ABSOLUTE, 0, 0, 0, 0, false],
  ])('%s with yes %i, no %i, abstain %i of roll %i carries: %p', (rule, yes, no, abstain, roll, expected) => {
    expect(carries(rule, tally(yes, no, abstain, roll))).toBe(expected);
  });

  it('applies the same formulas to weights: 3 mandates against 1 + 1 carries SIMPLE and ABSOLUTE of a roll weighing 5', () => {
    expect(carries(SIMPLE, tally(3, 2, 0, 5))).toBe(true);
    expect(carries(ABSOLUTE, tally(3, 2, 0, 5))).toBe(true);
    expect(carries(TWO_THIRDS_ROLL, tally(3, 2, 0, 5))).toBe(false);
  });

  it('agrees with the exact definitions on every small tally (exhaustive)', () => {
    for (let roll = 0; roll <= 12; roll++) {
      for (let yes = 0; yes <= roll; yes++) {
        for (let no = 0; yes + no <= roll; no++) {
          for (let abstain = 0; yes + no + abstain <= roll; abstain++) {
            for (const rule of [SIMPLE, TWO_THIRDS_CAST, TWO_THIRDS_ROLL, ABSOLUTE]) {
              expect(carries(rule, tally(yes, no, abstain, roll))).toBe(definition(rule, tally(yes, no, abstain, roll)));
            }
          }
        }
      }
    }
  });

  it('agrees with exact big-integer arithmetic on large weights, beyond where floating point is exact (property)', () => {
    fc.assert(
      fc.property(rules, tallies(Math.floor(Number.MAX_SAFE_INTEGER / 8)), (rule, t) => {
        expect(carries(rule, t)).toBe(definition(rule, t));
      }),
    );
  });

  it('never counts abstentions for or against: moving absentees to ABSTAIN changes nothing (property)', () => {
    fc.assert(
      fc.property(rules, tallies(), (rule, t) => {
        const absent = t.roll - t.yes - t.no - t.abstain;
        expect(carries(rule, { ...t, abstain: t.abstain + absent })).toBe(carries(rule, t));
      }),
    );
  });

  it('is monotone: one more YES never turns a carried motion down, one more NO never carries a rejected one (property)', () => {
    fc.assert(
      fc.property(rules, tallies(), (rule, t) => {
        const withYes = { ...t, yes: t.yes + 1, roll: t.roll + 1 };
        const withNo = { ...t, no: t.no + 1, roll: t.roll + 1 };
        // Growing the roll can make ABSOLUTE and TWO_THIRDS_ROLL harder, so YES is added from an absentee when there is one.
        const fromAbsent = t.roll > t.yes + t.no + t.abstain ? { ...t, yes: t.yes + 1 } : null;
        if (carries(rule, t) && rule !== ABSOLUTE && rule !== TWO_THIRDS_ROLL) expect(carries(rule, withYes)).toBe(true);
        if (carries(rule, t) && fromAbsent) expect(carries(rule, fromAbsent)).toBe(true);
        if (!carries(rule, t) && (rule === SIMPLE || rule === TWO_THIRDS_CAST)) expect(carries(rule, withNo)).toBe(false);
      }),
    );
  });

  it('does not depend on the unit of weight: scaling every weight by k keeps the outcome (property)', () => {
    fc.assert(
      fc.property(rules, tallies(100_000), fc.integer({ min: 1, max: 1000 }), (rule, t, k) => {
        const scaled = { yes: t.yes * k, no: t.no * k, abstain: t.abstain * k, roll: t.roll * k };
        expect(carries(rule, scaled)).toBe(carries(rule, t));
      }),
    );
  });

  it('never carries a tie under SIMPLE, nor anything with zero turnout (property)', () => {
    fc.assert(
      fc.property(rules, fc.nat(1_000_000), fc.nat(1_000_000), (rule, n, roll) => {
        expect(carries(SIMPLE, tally(n, n, 0, 2 * n + roll))).toBe(false);
        expect(carries(rule, tally(0, 0, 0, roll))).toBe(false);
      }),
    );
  });

  it('refuses impossible tallies: negative, fractional, or more ballots than the roll', () => {
    expect(() => carries(SIMPLE, tally(-1, 0, 0, 1))).toThrow(RangeError);
    expect(() => carries(SIMPLE, tally(1.5, 0, 0, 3))).toThrow(RangeError);
    expect(() => carries(SIMPLE, tally(2, 2, 2, 5))).toThrow(RangeError);
    expect(() => carries(SIMPLE, tally(Number.MAX_SAFE_INTEGER + 1, 0, 0, Number.MAX_SAFE_INTEGER + 1))).toThrow(RangeError);
  });
});
