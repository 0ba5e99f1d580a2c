import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { BallotSecrecy } from '../vote/vote.entity';
import { BallotChoice } from './ballot.entity';

/**
 * Casts one ballot in one statement, for either secrecy, and returns a row only when the ballot was counted.
 *
 * - `voter` is the rule as data: the vote must be OPEN with its deadline not passed (at this statement's time),
 *   and the signed-in account's delegate must be on its frozen roll; otherwise nothing is written.
 * - The ballot tables' trigger (migration Voting) checks the vote again under a shared advisory lock on it, held
 *   until commit: a concurrent close takes that lock exclusively, so it waits for this ballot and counts it, and a
 *   ballot that reaches the trigger after a close committed is refused there (SQLSTATE GV001).
 * - SECRET: the participation row and the ballot-box row are written together; ON CONFLICT DO NOTHING on the
 *   participation primary key makes a second ballot of the same voter write neither.
 * - ROLL_CALL: ON CONFLICT DO UPDATE replaces the voter's choice and receipt (`replaced` is true then).
 *
 * Parameters: $1 vote id, $2 user id, $3 receipt hash (bytea), $4 choice.
 */
export const CAST_BALLOT_SQL = `
WITH voter AS (
  SELECT v.secrecy, r.delegate_id, r.weight
    FROM vote v
    JOIN vote_roll r ON r.vote_id = v.id
    JOIN delegate d ON d.id = r.delegate_id
   WHERE v.id = $1 AND d.user_id = $2 AND v.status = 'OPEN' AND (v.deadline IS NULL OR v.deadline > statement_timestamp())
), participation AS (
  INSERT INTO vote_participation (vote_id, delegate_id)
  SELECT $1, delegate_id FROM voter WHERE secrecy = 'SECRET'
  ON CONFLICT DO NOTHING
  RETURNING delegate_id
), secret AS (
  INSERT INTO ballot_box (vote_id, receipt_hash, choice, weight)
  SELECT $1, $3, $4, voter.weight FROM voter JOIN participation USING (delegate_id)
  RETURNING false AS replaced
), named AS (
  INSERT INTO roll_call_ballot AS b (vote_id, delegate_id, choice, weight, receipt_hash)
  SELECT $1, delegate_id, $4, weight, $3 FROM voter WHERE secrecy = 'ROLL_CALL'
  ON CONFLICT (vote_id, delegate_id) DO UPDATE SET choice = EXCLUDED.choice, receipt_hash = EXCLUDED.receipt_hash
  RETURNING NOT (xmax = 0) AS replaced
)
SELECT replaced FROM secret UNION ALL SELECT replaced FROM named`;

/** Raised by the ballot tables' trigger for a vote that is not open (migration Voting). */
export const VOTE_NOT_OPEN_SQLSTATE = 'GV001';

/** Why a cast wrote nothing, read only on that (rare) path. */
export interface CastRefusal {
  councilId: string;
  open: boolean;
  deadlinePassed: boolean;
  onRoll: boolean;
  alreadyVoted: boolean;
}

export interface BulletinRow {
  receiptHash: Buffer;
  choice: BallotChoice | null;
}

@Injectable()
export class BallotRepository {
  constructor(private readonly db: Db) {}

  /**
   * The ballot as counted; null when nothing was written (see `refusal`); 'closed' when the trigger refused it
   * because a close committed while it was on its way. The statement is atomic on its own: outside a transaction
   * it commits by itself; inside one (a caller's), it joins it. Not a named prepared statement, although planning it
   * costs about as much as running it: those live on one server connection, which PgBouncer's transaction mode
   * does not keep (README, Production topology).
   */
  async cast(voteId: string, userId: string, receiptHash: Buffer, choice: BallotChoice): Promise<{ replaced: boolean } | null | 'closed'> {
    try {
      const rows = await this.db.rows<{ replaced: boolean }>(CAST_BALLOT_SQL, [voteId, userId, receiptHash, choice]);
      return rows[0] ?? null;
    } catch (error) {
      if ((error as { code?: unknown }).code === VOTE_NOT_OPEN_SQLSTATE) return 'closed';
      throw error;
    }
  }

  async refusal(voteId: string, userId: string): Promise<CastRefusal | null> {
    const rows = await this.db.rows<CastRefusal>(
      `SELECT v.council_id AS "councilId", v.status = 'OPEN' AS open,
              coalesce(v.deadline <= statement_timestamp(), false) AS "deadlinePassed",
              EXISTS (SELECT 1 FROM vote_roll r JOIN delegate d ON d.id = r.delegate_id WHERE r.vote_id = v.id AND d.user_id = $2) AS "onRoll",
              EXISTS (SELECT 1 FROM vote_participation p JOIN delegate d ON d.id = p.delegate_id WHERE p.vote_id = v.id AND d.user_id = $2)
                AS "alreadyVoted"
         FROM vote v WHERE v.id = $1`,
      [voteId, userId],
    );
    return rows[0] ?? null;
  }

  /** Whether the delegate has a counted ballot, and for a roll-call vote which choice. */
  async ballotOf(voteId: string, secrecy: BallotSecrecy, delegateId: string): Promise<{ voted: boolean; choice: BallotChoice | null }> {
    if (secrecy === BallotSecrecy.SECRET) {
      const rows = await this.db.rows('SELECT 1 FROM vote_participation WHERE vote_id = $1 AND delegate_id = $2', [voteId, delegateId]);
      return { voted: rows.length === 1, choice: null };
    }
    const rows = await this.db.rows<{ choice: BallotChoice }>(
      'SELECT choice FROM roll_call_ballot WHERE vote_id = $1 AND delegate_id = $2',
      [voteId, delegateId],
    );
    return { voted: rows.length === 1, choice: rows[0]?.choice ?? null };
  }

  /**
   * A page of the bulletin in ascending receipt-hash order, after `after` (keyset paging). Choices only for
   * roll-call votes; a secret vote's bulletin is the list of receipt hashes alone.
   */
  bulletin(voteId: string, secrecy: BallotSecrecy, after: Buffer | null, limit: number): Promise<BulletinRow[]> {
    const table = secrecy === BallotSecrecy.SECRET ? 'ballot_box' : 'roll_call_ballot';
    const choice = secrecy === BallotSecrecy.SECRET ? 'NULL::ballot_choice' : 'choice';
    return this.db.rows<BulletinRow>(
      `SELECT receipt_hash AS "receiptHash", ${choice} AS choice FROM ${table}
        WHERE vote_id = $1 AND ($2::bytea IS NULL OR receipt_hash > $2) ORDER BY receipt_hash LIMIT $3`,
      [voteId, after, limit],
    );
  }

  /** The counted ballot with this receipt hash, if any. */
  async receipt(voteId: string, secrecy: BallotSecrecy, receiptHash: Buffer): Promise<BulletinRow | null> {
    const [row] = await this.bulletinAt(voteId, secrecy, receiptHash);
    return row ?? null;
  }

  private bulletinAt(voteId: string, secrecy: BallotSecrecy, receiptHash: Buffer): Promise<BulletinRow[]> {
    const table = secrecy === BallotSecrecy.SECRET ? 'ballot_box' : 'roll_call_ballot';
    const choice = secrecy === BallotSecrecy.SECRET ? 'NULL::ballot_choice' : 'choice';
    return this.db.rows<BulletinRow>(
      `SELECT receipt_hash AS "receiptHash", ${choice} AS choice FROM ${table} WHERE vote_id = $1 AND receipt_hash = $2`,
      [voteId, receiptHash],
    );
  }
}
