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

  async insert(entry: LedgerEntryEntity): Promise<void> {
    await this.db.transactional.insert(LedgerEntryEntity, entry);
  }

  page(councilId: string, afterSeq: number, limit: number): Promise<LedgerEntryEntity[]> {
    return this.db.manager
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .where('e.council_id = :councilId AND e.seq > :afterSeq', { councilId, afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  async size(councilId: string): Promise<number> {
    const [row] = await this.db.rows<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entry WHERE council_id = $1', [councilId]);
    return row.n;
  }
}
