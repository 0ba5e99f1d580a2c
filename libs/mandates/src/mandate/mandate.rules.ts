import { MandateStatus } from './mandate.entity';

/** The status a reader must see: a stored ACTIVE mandate past its expiry is EXPIRED, swept or not. */
export function liveStatus(mandate: { status: MandateStatus; expiresAt: Date | null }, now: Date): MandateStatus {
  return mandate.status === MandateStatus.ACTIVE && mandate.expiresAt !== null && mandate.expiresAt.getTime() <= now.getTime()
    ? MandateStatus.EXPIRED
    : mandate.status;
}

/** The same rule in SQL, for counting in the database: `m` is the mandate table's alias. */
export const LIVE_ACTIVE_SQL = `m.status = 'ACTIVE' AND (m.expires_at IS NULL OR m.expires_at > now())`;
