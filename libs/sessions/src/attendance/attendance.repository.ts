import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { SEATED_DELEGATE_SQL } from '@gc/mandates';

export interface QuorumCounts {
  sessionId: string;
  /** Present and seated now. */
  present: number;
}

@Injectable()
export class AttendanceRepository {
  constructor(private readonly db: Db) {}

  /** Sets presence; returns false when it already was so (nothing changed). */
  async setPresence(sessionId: string, delegateId: string, present: boolean): Promise<boolean> {
    const rows = await this.db.write(
      `INSERT INTO session_attendance AS a (session_id, delegate_id, present, changed_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (session_id, delegate_id) DO UPDATE SET present = EXCLUDED.present, changed_at = now()
         WHERE a.present IS DISTINCT FROM EXCLUDED.present
       RETURNING delegate_id`,
      [sessionId, delegateId, present],
    );
    return rows.length === 1;
  }

  /** Per session: delegates present who are also seated now (an unseated delegate stops counting). */
  async presentCounts(sessionIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.rows<{ session_id: string; n: number }>(
      `SELECT a.session_id, count(*)::int AS n
         FROM session_attendance a JOIN delegate d ON d.id = a.delegate_id JOIN council c ON c.id = d.council_id
        WHERE a.session_id = ANY($1) AND a.present AND ${SEATED_DELEGATE_SQL}
        GROUP BY a.session_id`,
      [[...sessionIds]],
    );
    return new Map(rows.map((row) => [row.session_id, row.n]));
  }

  /** Present and seated delegates of a session with their ids, for a vote's roll. */
  async presentSeatedDelegateIds(sessionId: string): Promise<string[]> {
    const rows = await this.db.rows<{ delegate_id: string }>(
      `SELECT a.delegate_id FROM session_attendance a JOIN delegate d ON d.id = a.delegate_id JOIN council c ON c.id = d.council_id
        WHERE a.session_id = $1 AND a.present AND ${SEATED_DELEGATE_SQL} ORDER BY a.delegate_id`,
      [sessionId],
    );
    return rows.map((row) => row.delegate_id);
  }
}
