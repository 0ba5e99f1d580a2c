import { createHmac } from 'node:crypto';

/** The UTC day of an instant, `YYYY-MM-DD`. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * A salt that changes every UTC day, derived from a secret key: the same address hashes alike within a
 * day (so an attack can be followed) and differently on another day (so days cannot be joined). Without
 * the key, no salt can be recomputed and no hash can be tested against a guessed address.
 */
export const dailySalt = (key: Buffer, at: Date): Buffer =>
  createHmac('sha256', key)
    .update(`auth-event-day:${utcDay(at)}`, 'utf8')
    .digest();

/** The stored stand-in for an address or an unknown account's email. */
export const pseudonym = (salt: Buffer, kind: 'address' | 'account', value: string): string =>
  createHmac('sha256', salt).update(`${kind}:${value}`, 'utf8').digest('hex');
