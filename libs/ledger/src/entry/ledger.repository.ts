import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { LedgerEntryEntity } from './ledger-entry.entity';

/** Arbitrary fixed namespace for the per-council advisory lock that serializes appends. */
const LEDGER_LOCK_NAMESPACE = 7_412_021;

@Injectable()
export class LedgerRepository {
  constructor(private readonly db: Db) {}

  /** Takes the council's append lock until the end of the current transaction. */
  async lockHead(councilId: string): Promise<{ seq: number; hash: string } | null> {
    await this.db.write('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LEDGER_LOCK_NAMESPACE, councilId]);
    const rows = await this.db.rows<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM ledger_entry WHERE council_id = $1 ORDER BY seq DESC LIMIT 1',
      [councilId],
    );
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  async insertMany(entries: LedgerEntryEntity[]): Promise<void> {
    await this.db.transactional.insert(LedgerEntryEntity, entries);
  }

  page(councilId: string, afterSeq: number, limit: number): Promise<LedgerEntryEntity[]> {
    return this.db.manager
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .where('e.council_id = :councilId AND e.seq > :afterSeq', { councilId, afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** The highest sequence number, which is the number of entries (sequence numbers are gapless); 0 when empty. */
  async headSeq(councilId: string): Promise<number> {
    const rows = await this.db.rows<{ seq: string }>('SELECT seq FROM ledger_entry WHERE council_id = $1 ORDER BY seq DESC LIMIT 1', [
      councilId,
    ]);
    return rows.length ? Number(rows[0].seq) : 0;
  }

  /** Every council that has a ledger, with its head; one index probe per council rather than a scan of all entries. */
  async heads(): Promise<{ councilId: string; headSeq: number }[]> {
    const rows = await this.db.rows<{ council_id: string; head: string }>(
      `WITH RECURSIVE councils AS (
         (SELECT council_id FROM ledger_entry ORDER BY council_id LIMIT 1)
         UNION ALL
         SELECT (SELECT e.council_id FROM ledger_entry e WHERE e.council_id > c.council_id ORDER BY e.council_id LIMIT 1)
         FROM councils c WHERE c.council_id IS NOT NULL
       )
       SELECT council_id, (SELECT e.seq FROM ledger_entry e WHERE e.council_id = councils.council_id ORDER BY e.seq DESC LIMIT 1) AS head
       FROM councils WHERE council_id IS NOT NULL`,
    );
    return rows.map((row) => ({ councilId: row.council_id, headSeq: Number(row.head) }));
  }

  /**
   * The entry hashes with sequence numbers in (afterSeq, toSeq], in order, a batch at a time. Throws if a
   * sequence number is missing, since every Merkle computation over them would be wrong.
   */
  async *hashes(councilId: string, afterSeq: number, toSeq: number, batchSize = 10_000): AsyncGenerator<{ seq: number; hash: string }[]> {
    for (let from = afterSeq; from < toSeq;) {
      const rows = await this.db.rows<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM ledger_entry WHERE council_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4',
        [councilId, from, toSeq, batchSize],
      );
      const batch = rows.map((row, i) => {
        if (Number(row.seq) !== from + i + 1) throw new Error(`ledger of council ${councilId} has no entry ${from + i + 1}`);
        return { seq: Number(row.seq), hash: row.hash };
      });
      if (batch.length === 0) throw new Error(`ledger of council ${councilId} has no entry ${from + 1}`);
      yield batch;
      from += batch.length;
    }
  }

  /** The hashes of the entries with these sequence numbers, in one query. */
  async hashesAt(councilId: string, seqs: number[]): Promise<Map<number, string>> {
    if (seqs.length === 0) return new Map();
    const rows = await this.db.rows<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM ledger_entry WHERE council_id = $1 AND seq = ANY($2::bigint[])',
      [councilId, seqs],
    );
    return new Map(rows.map((row) => [Number(row.seq), row.hash]));
  }

  async size(councilId: string): Promise<number> {
    const [row] = await this.db.rows<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entry WHERE council_id = $1', [councilId]);
    return row.n;
  }
}
