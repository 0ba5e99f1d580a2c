import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';

@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly db: Db) {}

  async lockedUntil(keyHashes: string[]): Promise<Date | null> {
    const rows = await this.db.rows<{ locked_until: Date | null }>(
      'SELECT max(locked_until) AS locked_until FROM login_throttle WHERE key_hash = ANY($1) AND locked_until > now()',
      [keyHashes],
    );
    return rows[0]?.locked_until ?? null;
  }

  /**
   * Counts one failure atomically (concurrent failures all count) and locks the key once it reaches
   * `limit` failures inside the window. Returns true when this failure is the one that locked it.
   */
  async recordFailure(keyHash: string, limit: number, windowSeconds: number, lockSeconds: number): Promise<boolean> {
    const rows = await this.db.write<{ just_locked: boolean }>(
      `INSERT INTO login_throttle AS t (key_hash, failures, window_started_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2 <= 1 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (key_hash) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE t.window_started_at END,
         locked_until = CASE
           WHEN t.window_started_at >= now() - make_interval(secs => $3) AND t.failures + 1 >= $2
           THEN now() + make_interval(secs => $4) ELSE t.locked_until END
       RETURNING failures = $2 AS just_locked`,
      [keyHash, limit, windowSeconds, lockSeconds],
    );
    return rows[0]?.just_locked === true;
  }

  async clear(keyHash: string): Promise<void> {
    await this.db.write('DELETE FROM login_throttle WHERE key_hash = $1', [keyHash]);
  }
}
