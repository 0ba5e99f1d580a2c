import fc from 'fast-check';
import { SessionKind, SessionStatus } from './session.entity';
import { canTransition, earliestStart, hasQuorum, overlaps } from './session.rules';

const settings = { regularNoticeDays: 14, specialNoticeDays: 7 };

describe('session rules', () => {
  it('requires 14 days of notice for a regular session and 7 for a special one', () => {
    const convened = new Date('2026-01-01T10:00:00.000Z');
    expect(earliestStart(SessionKind.REGULAR, convened, settings).toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(earliestStart(SessionKind.SPECIAL, convened, settings).toISOString()).toBe('2026-01-08T10:00:00.000Z');
  });

  it('treats sessions as half-open intervals: one may start when the other ends', () => {
    const a = { startsAt: new Date('2026-02-01T09:00Z'), endsAt: new Date('2026-02-01T17:00Z') };
    expect(overlaps(a, { startsAt: new Date('2026-02-01T17:00Z'), endsAt: new Date('2026-02-01T18:00Z') })).toBe(false);
    expect(overlaps(a, { startsAt: new Date('2026-02-01T16:59Z'), endsAt: new Date('2026-02-01T18:00Z') })).toBe(true);
    expect(overlaps(a, { startsAt: new Date('2026-02-01T10:00Z'), endsAt: new Date('2026-02-01T11:00Z') })).toBe(true);
  });

  it('allows only SCHEDULED -> IN_PROGRESS -> ADJOURNED and SCHEDULED -> CANCELLED', () => {
    const allowed = (Object.values(SessionStatus) as SessionStatus[]).flatMap((status) =>
      (['start', 'adjourn', 'cancel'] as const).filter((action) => canTransition(status, action)).map((action) => `${status}:${action}`),
    );
    expect(allowed.sort()).toEqual(['IN_PROGRESS:adjourn', 'SCHEDULED:cancel', 'SCHEDULED:start']);
  });

  it.each([
    [0, 0, false],
    [1, 1, true],
    [1, 2, false],
    [2, 3, true],
    [12, 24, false],
    [13, 24, true],
    [13, 25, true],
    [12, 25, false],
  ])('quorum at 1/2 with %i present of %i seated is %p', (present, seated, expected) => {
    expect(hasQuorum(present, seated, 1, 2)).toBe(expected);
  });

  it('agrees with exact rational comparison for any fraction', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 10 }), (present, seated, n, d) => {
        const expected = seated > 0 && BigInt(present) * BigInt(d) > BigInt(n) * BigInt(seated);
        expect(hasQuorum(present, seated, n, d)).toBe(expected);
      }),
    );
  });
});
