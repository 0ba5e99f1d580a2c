import { VoteWeighting } from '@gc/council';
import { LIVE_ACTIVE_SQL } from '../mandate/mandate.rules';

export interface SeatFacts {
  accredited: boolean;
  /** ACTIVE mandates that have not expired. */
  activeMandates: number;
  minMandatesToSeat: number;
}

/** DOMAIN.md: a delegate is seated while accredited and holding at least `minMandatesToSeat` active mandates. */
export const isSeated = (facts: SeatFacts): boolean => facts.accredited && facts.activeMandates >= facts.minMandatesToSeat;

/**
 * `isSeated` in SQL, for rules that count seated delegates in the database (thresholds, quorum), read as of
 * now. Needs the delegate table as `d` and its council as `c`.
 */
export const SEATED_DELEGATE_SQL = `(d.accredited_at IS NOT NULL
  AND (SELECT count(*) FROM mandate m WHERE m.delegate_id = d.id AND ${LIVE_ACTIVE_SQL}) >= c.min_mandates_to_seat)`;

/**
 * The weight a delegate's ballot would carry now: 1, or the active mandates under BY_MANDATES. A delegate who
 * is not seated may not vote, so their weight is 0.
 */
export function voteWeight(facts: SeatFacts, weighting: VoteWeighting): number {
  if (!isSeated(facts)) return 0;
  return weighting === VoteWeighting.BY_MANDATES ? facts.activeMandates : 1;
}

/**
 * When a delegate lost the seat to expiries recorded together: the expiry that took the active count below
 * the minimum. `activeAfter` counts what remains once all of `expiries` ran out.
 */
export function unseatedByExpiryAt(activeAfter: number, expiries: readonly Date[], minMandatesToSeat: number): Date | null {
  if (!expiries.length) return null;
  const ordered = [...expiries].sort((a, b) => a.getTime() - b.getTime());
  const index = activeAfter + ordered.length - minMandatesToSeat;
  return ordered[Math.min(Math.max(index, 0), ordered.length - 1)];
}
