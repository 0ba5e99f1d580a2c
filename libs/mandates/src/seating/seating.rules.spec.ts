import fc from 'fast-check';
import { VoteWeighting } from '@gc/council';
import { isSeated, unseatedByExpiryAt, voteWeight } from './seating.rules';

describe('isSeated', () => {
  it('needs both accreditation and at least the minimum of active mandates', () => {
    expect(isSeated({ accredited: true, activeMandates: 1, minMandatesToSeat: 1 })).toBe(true);
    expect(isSeated({ accredited: true, activeMandates: 0, minMandatesToSeat: 1 })).toBe(false);
    expect(isSeated({ accredited: false, activeMandates: 50, minMandatesToSeat: 1 })).toBe(false);
    expect(isSeated({ accredited: true, activeMandates: 2, minMandatesToSeat: 3 })).toBe(false);
    expect(isSeated({ accredited: true, activeMandates: 3, minMandatesToSeat: 3 })).toBe(true);
  });
});

describe('voteWeight', () => {
  it('is 1 per seated delegate, or their active mandates under BY_MANDATES, and 0 when not seated', () => {
    const seated = { accredited: true, activeMandates: 7, minMandatesToSeat: 1 };
    expect(voteWeight(seated, VoteWeighting.ONE_PER_DELEGATE)).toBe(1);
    expect(voteWeight(seated, VoteWeighting.BY_MANDATES)).toBe(7);
    expect(voteWeight({ ...seated, accredited: false }, VoteWeighting.BY_MANDATES)).toBe(0);
    expect(voteWeight({ ...seated, activeMandates: 0 }, VoteWeighting.ONE_PER_DELEGATE)).toBe(0);
  });
});

describe('unseatedByExpiryAt', () => {
  const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

  it('picks the expiry that took the count below the minimum', () => {
    expect(unseatedByExpiryAt(0, [t(5)], 1)).toEqual(t(5));
    expect(unseatedByExpiryAt(0, [t(9), t(3), t(5)], 1)).toEqual(t(9));
    expect(unseatedByExpiryAt(0, [t(9), t(3), t(5)], 2)).toEqual(t(5));
    expect(unseatedByExpiryAt(1, [t(3), t(5)], 2)).toEqual(t(5));
    expect(unseatedByExpiryAt(0, [], 1)).toBeNull();
  });

  it('agrees with replaying the expiries one at a time', () => {
    fc.assert(
      fc.property(
        fc.nat(5),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        (after, minutes, min) => {
          const expiries = minutes.map(t);
          fc.pre(after + expiries.length >= min && after < min);
          const ordered = [...expiries].sort((a, b) => a.getTime() - b.getTime());
          let count = after + ordered.length;
          let replayed: Date | null = null;
          for (const expiry of ordered) {
            count--;
            if (count < min) {
              replayed = expiry;
              break;
            }
          }
          expect(unseatedByExpiryAt(after, expiries, min)).toEqual(replayed);
        },
      ),
    );
  });
});
