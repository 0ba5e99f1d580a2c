import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { VoteResult } from '../tally/tally';
import { RollEntry } from './roll-hash';
import { VoteEntity, VoteStatus } from './vote.entity';

/** The advisory lock namespace of a vote's ballots; the ballot trigger in migration Voting uses the same. */
export const VOTE_LOCK_NAMESPACE = 7_412_023;

export interface VoteFilter {
  councilId: string;
  sessionId?: string;
  resolutionId?: string;
  statuses?: VoteStatus[];
}

@Injectable()
export class VoteRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<VoteEntity | null> {
    return this.db.manager.findOne(VoteEntity, { where: { id } });
  }

  findByIds(ids: readonly string[]): Promise<VoteEntity[]> {
    return ids.length ? this.db.manager.find(VoteEntity, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  /** The open vote of a resolution (on itself or an amendment), if any; at most one exists (a partial unique index). */
  openFor(resolutionId: string): Promise<VoteEntity | null> {
    return this.db.manager.findOne(VoteEntity, { where: { resolutionId, status: VoteStatus.OPEN } });
  }

  /** Inserts the vote and its frozen roll (one statement for the whole roll, whatever its size). */
  async insert(values: Partial<VoteEntity> & { id: string }, roll: readonly RollEntry[]): Promise<void> {
    await this.db.transactional.insert(VoteEntity, values);
    await this.db.write(
      `INSERT INTO vote_roll (vote_id, delegate_id, weight)
       SELECT $1, r.delegate_id, r.weight FROM unnest($2::uuid[], $3::int[]) AS r(delegate_id, weight)`,
      [values.id, roll.map((entry) => entry.delegateId), roll.map((entry) => entry.weight)],
    );
  }

  /**
   * Locks an OPEN vote for closing; false when it is closed already. The exclusive advisory lock on the vote waits
   * for every ballot in flight (the ballot trigger holds it shared until commit) and holds back new ones, which
   * then see the vote CLOSED: the tally that follows sees every ballot that will ever be counted. Concurrent
   * closers (the secretariat, sweeps on several instances) queue here and find the vote CLOSED once the first commits.
   */
  async lockIfOpen(voteId: string): Promise<boolean> {
    await this.db.write('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [VOTE_LOCK_NAMESPACE, voteId]);
    const rows = await this.db.write(`SELECT id FROM vote WHERE id = $1 AND status = 'OPEN' FOR UPDATE`, [voteId]);
    return rows.length === 1;
  }

  /** OPEN -> CLOSED with its result, in one conditional UPDATE (the table's CHECK wants both together). */
  async close(voteId: string, result: VoteResult, receiptRoot: string, atDeadline: boolean): Promise<Date | null> {
    const rows = await this.db.write<{ closed_at: Date }>(
      `UPDATE vote SET status = 'CLOSED', closed_at = now(), closed_at_deadline = $2, outcome = $3, receipt_root = $4,
              yes_count = $5, no_count = $6, abstain_count = $7, yes_weight = $8, no_weight = $9, abstain_weight = $10
        WHERE id = $1 AND status = 'OPEN'
        RETURNING closed_at`,
      [
        voteId,
        atDeadline,
        result.outcome,
        receiptRoot,
        result.yesCount,
        result.noCount,
        result.abstainCount,
        result.yesWeight,
        result.noWeight,
        result.abstainWeight,
      ],
    );
    return rows[0]?.closed_at ?? null;
  }

  /** OPEN votes whose deadline has passed, oldest deadline first. */
  async dueIds(limit: number): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(
      `SELECT id FROM vote WHERE status = 'OPEN' AND deadline <= now() ORDER BY deadline, id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  page(filter: VoteFilter, limit: number, offset: number): Promise<[VoteEntity[], number]> {
    return this.db.manager.findAndCount(VoteEntity, {
      where: {
        councilId: filter.councilId,
        ...(filter.sessionId ? { sessionId: filter.sessionId } : {}),
        ...(filter.resolutionId ? { resolutionId: filter.resolutionId } : {}),
        ...(filter.statuses?.length ? { status: In(filter.statuses) } : {}),
      },
      order: { openedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  ofResolutions(resolutionIds: readonly string[]): Promise<VoteEntity[]> {
    return this.db.manager.find(VoteEntity, { where: { resolutionId: In([...resolutionIds]) }, order: { openedAt: 'ASC', id: 'ASC' } });
  }

  ofAgendaItems(agendaItemIds: readonly string[]): Promise<VoteEntity[]> {
    return this.db.manager.find(VoteEntity, { where: { agendaItemId: In([...agendaItemIds]) }, order: { openedAt: 'ASC', id: 'ASC' } });
  }

  /** A voter's place on the roll, by their account. */
  async rollEntryOfUser(voteId: string, userId: string): Promise<{ delegateId: string; weight: number } | null> {
    const rows = await this.db.rows<{ delegateId: string; weight: number }>(
      `SELECT r.delegate_id AS "delegateId", r.weight FROM vote_roll r JOIN delegate d ON d.id = r.delegate_id
        WHERE r.vote_id = $1 AND d.user_id = $2`,
      [voteId, userId],
    );
    return rows[0] ?? null;
  }

  /** A page of the frozen roll, by delegate id. */
  async rollPage(voteId: string, limit: number, offset: number): Promise<{ items: RollEntry[]; totalCount: number }> {
    const rows = await this.db.rows<RollEntry & { total: number }>(
      `SELECT r.delegate_id AS "delegateId", r.weight, count(*) OVER ()::int AS total
         FROM vote_roll r WHERE r.vote_id = $1 ORDER BY r.delegate_id LIMIT $2 OFFSET $3`,
      [voteId, limit, offset],
    );
    const [{ n }] = rows.length
      ? [{ n: rows[0].total }]
      : await this.db.rows<{ n: number }>('SELECT count(*)::int AS n FROM vote_roll WHERE vote_id = $1', [voteId]);
    return { items: rows.map((row) => ({ delegateId: row.delegateId, weight: row.weight })), totalCount: n };
  }
}
