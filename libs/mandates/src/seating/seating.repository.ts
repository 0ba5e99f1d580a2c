import { Injectable } from '@nestjs/common';
import { VoteWeighting } from '@gc/council';
import { Db } from '@gc/db';
import { DelegateEntity } from '../delegate/delegate.entity';
import { LIVE_ACTIVE_SQL } from '../mandate/mandate.rules';
import { PageWindowRow } from '../paging';
import { SEATED_DELEGATE_SQL } from './seating.rules';
import { SeatChangeReason } from './seat-history.entity';

/** What the seat of one delegate is derived from, read as of now. */
export interface SeatStanding {
  delegateId: string;
  councilId: string;
  accredited: boolean;
  activeMandates: number;
  minMandatesToSeat: number;
  voteWeighting: VoteWeighting;
  /** The seat as last recorded, to compare the derived one with. */
  recordedSeated: boolean;
}

/** A delegate read for a list, with the facts of their seat read in the same batch. */
export interface DelegateWithStanding {
  delegate: DelegateEntity;
  standing: SeatStanding;
}

export interface SeatChangeRow {
  delegateId: string;
  councilId: string;
  fromSeated: boolean;
  toSeated: boolean;
  reason: SeatChangeReason;
  activeMandates: number;
  /** Null means now. */
  at: Date | null;
}

@Injectable()
export class SeatingRepository {
  constructor(private readonly db: Db) {}

  async standings(delegateIds: readonly string[]): Promise<SeatStanding[]> {
    if (!delegateIds.length) return [];
    return this.db.rows<SeatStanding>(
      `SELECT d.id AS "delegateId", d.council_id AS "councilId", d.accredited_at IS NOT NULL AS accredited,
              (SELECT count(*)::int FROM mandate m WHERE m.delegate_id = d.id AND ${LIVE_ACTIVE_SQL}) AS "activeMandates",
              c.min_mandates_to_seat AS "minMandatesToSeat", c.vote_weighting AS "voteWeighting", d.seated AS "recordedSeated"
         FROM delegate d JOIN council c ON c.id = d.council_id
        WHERE d.id = ANY($1)`,
      [[...delegateIds]],
    );
  }

  async withStandings(delegates: readonly DelegateEntity[]): Promise<DelegateWithStanding[]> {
    const byId = new Map((await this.standings(delegates.map((d) => d.id))).map((s) => [s.delegateId, s]));
    return delegates.map((delegate) => ({ delegate, standing: byId.get(delegate.id)! }));
  }

  /** Seated delegates now, per delegation or per council. */
  async seatedCounts(scope: 'delegation' | 'council', ids: readonly string[]): Promise<Map<string, number>> {
    const column = scope === 'delegation' ? 'd.delegation_id' : 'd.council_id';
    const rows = await this.db.rows<{ key: string; seated: number }>(
      `SELECT ${column} AS key, count(*)::int AS seated
         FROM delegate d JOIN council c ON c.id = d.council_id
        WHERE ${column} = ANY($1) AND ${SEATED_DELEGATE_SQL}
        GROUP BY ${column}`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.key, row.seated]));
  }

  /** Writes the changes: the delegates' recorded seat and one history row each. Returns when each took effect. */
  async record(changes: readonly SeatChangeRow[]): Promise<Map<string, Date>> {
    await this.db.write(
      `UPDATE delegate d SET seated = c.to_seated
         FROM unnest($1::uuid[], $2::boolean[]) AS c(delegate_id, to_seated)
        WHERE d.id = c.delegate_id`,
      [changes.map((c) => c.delegateId), changes.map((c) => c.toSeated)],
    );
    const rows = await this.db.write<{ delegate_id: string; at: Date }>(
      `INSERT INTO seat_history (council_id, delegate_id, from_seated, to_seated, reason, active_mandates, at)
       SELECT council_id, delegate_id, from_seated, to_seated, reason, active_mandates, coalesce(at, now())
         FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::boolean[], $5::seat_change_reason[], $6::int[], $7::timestamptz[])
              AS c(council_id, delegate_id, from_seated, to_seated, reason, active_mandates, at)
       RETURNING delegate_id, at`,
      [
        changes.map((c) => c.councilId),
        changes.map((c) => c.delegateId),
        changes.map((c) => c.fromSeated),
        changes.map((c) => c.toSeated),
        changes.map((c) => c.reason),
        changes.map((c) => c.activeMandates),
        changes.map((c) => c.at),
      ],
    );
    return new Map(rows.map((row) => [row.delegate_id, row.at]));
  }

  /** The delegates seated at `at` by the seat history, by name: the last change of each at or before that instant. */
  async seatedAt(councilId: string, at: Date, limit: number, offset: number): Promise<PageWindowRow[]> {
    return this.db.rows<PageWindowRow>(
      `WITH last AS (
         SELECT DISTINCT ON (h.delegate_id) h.delegate_id, h.to_seated
           FROM seat_history h
          WHERE h.council_id = $1 AND h.at <= $2
          ORDER BY h.delegate_id, h.at DESC, h.seq DESC
       ), seated AS (
         SELECT d.id, d.display_name FROM last JOIN delegate d ON d.id = last.delegate_id WHERE last.to_seated
       )
       SELECT $1::uuid AS parent_id, (SELECT count(*)::int FROM seated) AS total, s.id
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT id, display_name FROM seated ORDER BY display_name, id LIMIT $3 OFFSET $4) s ON true
        ORDER BY s.display_name, s.id`,
      [councilId, at, limit, offset],
    );
  }
}
