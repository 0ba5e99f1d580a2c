import { Injectable } from '@nestjs/common';
import { notFound, Page } from '@gc/common';
import { Db } from '@gc/db';
import { LedgerRepository } from '../entry/ledger.repository';
import { LedgerProofService } from '../proof/ledger-proof.service';
import { checkpointBody } from '../verify/checkpoint-note';
import { CheckpointReason } from './checkpoint-reason';
import { LedgerCheckpointEntity } from './ledger-checkpoint.entity';
import { LedgerCheckpointRepository } from './ledger-checkpoint.repository';
import { LedgerSigner } from './ledger-signer';

const AT_COMMIT = Symbol('ledger checkpoints to sign at commit');

@Injectable()
export class CheckpointService {
  constructor(
    private readonly db: Db,
    private readonly checkpoints: LedgerCheckpointRepository,
    private readonly entries: LedgerRepository,
    private readonly proofs: LedgerProofService,
    private readonly signer: LedgerSigner,
  ) {}

  /**
   * Signs a checkpoint of the council's whole ledger as it is written now, and returns it. For the timer, the
   * secretariat, and code that runs right after a transaction committed. Idempotent per size: when a
   * checkpoint of the current size exists, that one is returned as it is. Inside a transaction, entries
   * appended in it are not written yet (the ledger writes them at commit): use `checkpointAtCommit` there.
   */
  checkpoint(councilId: string, reason: CheckpointReason): Promise<LedgerCheckpointEntity> {
    return this.db.transaction(async () => {
      const treeSize = await this.proofs.size(councilId);
      if (treeSize === 0) throw notFound('A ledger for this council', 'councilId');
      const existing = await this.checkpoints.atSize(councilId, treeSize);
      if (existing) return existing;
      const rootHash = await this.proofs.root(councilId, treeSize);
      const { signature, note } = this.signer.sign(checkpointBody({ origin: councilId, treeSize, rootHash }));
      await this.checkpoints.insertIfAbsent({
        councilId,
        treeSize: String(treeSize),
        rootHash,
        note,
        signature,
        keyId: this.signer.keyId,
        reason,
      });
      return (await this.checkpoints.atSize(councilId, treeSize))!;
    });
  }

  /**
   * The hook for acts that must be committed to at once (a vote's close, a petition meeting its threshold):
   * call it in the transaction that appends their entry, before or after the append. The checkpoint is
   * signed as the transaction's very last step, after the ledger has written the transaction's entries, so
   * it covers them, and it rolls back with them. Several calls in one transaction sign one checkpoint per council.
   */
  checkpointAtCommit(councilId: string, reason: CheckpointReason): void {
    if (!this.db.inTransaction) throw new Error('checkpointAtCommit must run inside Db.transaction(); use checkpoint() outside one');
    const queued = this.db.transactionState<Map<string, CheckpointReason>>(AT_COMMIT, () => {
      // Queued from inside a commit hook, so that it runs after every hook the transaction's work queued,
      // the ledger's own write among them, whichever was called first.
      this.db.beforeCommit(async () =>
        this.db.beforeCommit(async () => {
          for (const [id, why] of queued) await this.checkpoint(id, why);
        }),
      );
      return new Map();
    });
    if (!queued.has(councilId)) queued.set(councilId, reason);
  }

  /**
   * Checkpoints every council whose ledger grew since its latest checkpoint; returns how many it signed.
   * Safe with several instances: sizes already signed are skipped, and a race on one size inserts one row.
   */
  async checkpointAllBehind(reason: CheckpointReason): Promise<number> {
    let signed = 0;
    for (const { councilId, headSeq } of await this.entries.heads()) {
      const latest = await this.checkpoints.latest(councilId);
      if (latest && Number(latest.treeSize) >= headSeq) continue;
      await this.checkpoint(councilId, reason);
      signed++;
    }
    return signed;
  }

  /** The latest checkpoint, or the one of exactly `treeSize` entries. */
  async get(councilId: string, treeSize?: number | null): Promise<LedgerCheckpointEntity> {
    const checkpoint = treeSize ? await this.checkpoints.atSize(councilId, treeSize) : await this.checkpoints.latest(councilId);
    if (!checkpoint)
      throw notFound(treeSize ? `A checkpoint of ${treeSize} entries` : 'A checkpoint of this ledger', treeSize ? 'treeSize' : 'councilId');
    return checkpoint;
  }

  async page(councilId: string, limit: number, offset: number): Promise<Page<LedgerCheckpointEntity>> {
    const [items, totalCount] = await this.checkpoints.page(councilId, limit, offset);
    return { items, totalCount };
  }
}
