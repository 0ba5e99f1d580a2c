import { Injectable } from '@nestjs/common';
import { CanonicalValue } from '../canonical/canonical-json';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { GENESIS_HASH, sealEntry } from './ledger-hash';
import { LedgerRepository } from './ledger.repository';

export const SYSTEM_ACTOR = 'system';

export interface AppendedEntry {
  seq: number;
  hash: string;
}

@Injectable()
export class LedgerService {
  constructor(private readonly entries: LedgerRepository) {}

  /**
   * Appends one entry in the caller's transaction. Sequence numbers are gapless: the append lock is
   * held until commit, and a rolled-back transaction takes its entry with it.
   * The payload must never carry a constituent's identity or a secret ballot's choice.
   */
  async append(councilId: string, actor: string, kind: string, payload: { [key: string]: CanonicalValue }): Promise<AppendedEntry> {
    const head = await this.entries.lockHead(councilId);
    const seq = (head?.seq ?? 0) + 1;
    const recordedAt = new Date();
    const prevHash = head?.hash ?? GENESIS_HASH;
    const { canonical, hash } = sealEntry({ councilId, seq, recordedAt: recordedAt.toISOString(), actor, kind, payload, prevHash });
    const entry = Object.assign(new LedgerEntryEntity(), {
      councilId,
      seq: String(seq),
      recordedAt,
      actor,
      kind,
      canonical,
      prevHash,
      hash,
    });
    await this.entries.insert(entry);
    return { seq, hash };
  }

  page(councilId: string, afterSeq: number, limit: number): Promise<LedgerEntryEntity[]> {
    return this.entries.page(councilId, afterSeq, limit);
  }

  size(councilId: string): Promise<number> {
    return this.entries.size(councilId);
  }
}
