import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';
import { canonicalJson, CanonicalValue } from '../canonical/canonical-json';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { GENESIS_HASH, sealEntry } from './ledger-hash';
import { LedgerRepository } from './ledger.repository';

export const SYSTEM_ACTOR = 'system';

interface PendingEntry {
  councilId: string;
  actor: string;
  kind: string;
  payload: { [key: string]: CanonicalValue };
}

const PENDING = Symbol('pending ledger entries');

@Injectable()
export class LedgerService {
  constructor(
    private readonly db: Db,
    private readonly entries: LedgerRepository,
  ) {}

  /**
   * Records one entry in the caller's transaction. The entries of a transaction are written when it
   * commits, in the order they were appended, under the council's append lock: that lock is then the
   * last one any transaction takes, so it cannot deadlock with the row locks of the change itself, and it
   * is held only for the writing. Sequence numbers are gapless; a rolled-back change takes its entries
   * with it. The payload must never carry a constituent's identity or a secret ballot's choice.
   */
  async append(councilId: string, actor: string, kind: string, payload: { [key: string]: CanonicalValue }): Promise<void> {
    canonicalJson(payload);
    const pending = this.db.transactionState<PendingEntry[]>(PENDING, () => {
      this.db.beforeCommit(() => this.flush(pending));
      return [];
    });
    pending.push({ councilId, actor, kind, payload });
  }

  /** Writes a transaction's entries; councils are locked in id order so that two flushes cannot deadlock. */
  private async flush(pending: PendingEntry[]): Promise<void> {
    const councilIds = [...new Set(pending.map((entry) => entry.councilId))].sort();
    for (const councilId of councilIds) {
      const head = await this.entries.lockHead(councilId);
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const recordedAt = new Date();
      const rows: LedgerEntryEntity[] = [];
      for (const { actor, kind, payload } of pending.filter((entry) => entry.councilId === councilId)) {
        seq++;
        const { canonical, hash } = sealEntry({ councilId, seq, recordedAt: recordedAt.toISOString(), actor, kind, payload, prevHash });
        rows.push(
          Object.assign(new LedgerEntryEntity(), { councilId, seq: String(seq), recordedAt, actor, kind, canonical, prevHash, hash }),
        );
        prevHash = hash;
      }
      await this.entries.insertMany(rows);
    }
  }

  page(councilId: string, afterSeq: number, limit: number): Promise<LedgerEntryEntity[]> {
    return this.entries.page(councilId, afterSeq, limit);
  }

  size(councilId: string): Promise<number> {
    return this.entries.size(councilId);
  }
}
