import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { BallotCounts } from './tally';

export interface LiveCounts {
  voteId: string;
  /** Ballots counted so far. */
  turnout: number;
  /** Null for a secret vote: its choices are never counted before it closes. */
  yes: number | null;
  no: number | null;
  abstain: number | null;
}

@Injectable()
export class TallyRepository {
  constructor(private readonly db: Db) {}

  /**
   * The tally of a vote, in one aggregate statement over its counted ballots (the secret ballot box or the
   * roll-call ballots; a vote has only one of the two). Run once, by the closing transaction.
   */
  async count(voteId: string): Promise<BallotCounts> {
    const [row] = await this.db.rows<BallotCounts>(
      `SELECT count(*) FILTER (WHERE choice = 'YES')::int AS "yesCount",
              count(*) FILTER (WHERE choice = 'NO')::int AS "noCount",
              count(*) FILTER (WHERE choice = 'ABSTAIN')::int AS "abstainCount",
              coalesce(sum(weight) FILTER (WHERE choice = 'YES'), 0)::int AS "yesWeight",
              coalesce(sum(weight) FILTER (WHERE choice = 'NO'), 0)::int AS "noWeight",
              coalesce(sum(weight) FILTER (WHERE choice = 'ABSTAIN'), 0)::int AS "abstainWeight"
         FROM (SELECT choice, weight FROM ballot_box WHERE vote_id = $1
               UNION ALL
               SELECT choice, weight FROM roll_call_ballot WHERE vote_id = $1) AS counted`,
      [voteId],
    );
    return row;
  }

  /** The counted ballots' receipt hashes in ascending byte order: the leaves of the receipt Merkle tree. */
  async sortedReceiptHashes(voteId: string): Promise<Buffer[]> {
    const rows = await this.db.rows<{ h: Buffer }>(
      `SELECT receipt_hash AS h FROM ballot_box WHERE vote_id = $1
       UNION ALL
       SELECT receipt_hash FROM roll_call_ballot WHERE vote_id = $1
       ORDER BY 1`,
      [voteId],
    );
    return rows.map((row) => row.h);
  }

  /**
   * Turnout of open votes, and the counts by choice of roll-call votes only, in one statement for any number of
   * votes. A secret vote's choices are not even read here.
   */
  live(voteIds: readonly string[]): Promise<LiveCounts[]> {
    return this.db.rows<LiveCounts>(
      `SELECT v.id AS "voteId",
              CASE WHEN v.secrecy = 'SECRET' THEN (SELECT count(*)::int FROM vote_participation p WHERE p.vote_id = v.id)
                   ELSE rc.turnout END AS turnout,
              rc.yes, rc.no, rc.abstain
         FROM vote v
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS turnout, count(*) FILTER (WHERE b.choice = 'YES')::int AS yes,
                  count(*) FILTER (WHERE b.choice = 'NO')::int AS no, count(*) FILTER (WHERE b.choice = 'ABSTAIN')::int AS abstain
             FROM roll_call_ballot b WHERE b.vote_id = v.id
         ) rc ON v.secrecy = 'ROLL_CALL'
        WHERE v.id = ANY($1)`,
      [[...voteIds]],
    );
  }
}
