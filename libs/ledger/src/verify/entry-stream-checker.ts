import { ChainProblem, checkEntry, GENESIS_HASH } from '../entry/ledger-hash';
import { MerkleAccumulator } from '../merkle/merkle';

/** An entry as served by `ledgerEntries` or written by the export: enough to re-check everything. */
export interface EntryRecord {
  seq: number;
  canonical: string;
  hash: string;
  /** `JSON.parse(canonical)`, when the source parsed it already. */
  body?: unknown;
}

/**
 * Checks a run of entries against their places in the chain; `prevHash` is the stored hash of the entry
 * before the run. Each entry needs only its own text and its predecessor's stored hash, so runs can be
 * checked in parallel (worker threads, web workers) and in any order.
 */
export function checkEntries(batch: readonly EntryRecord[], firstSeq: number, prevHash: string, councilId: string): ChainProblem | null {
  let previous = prevHash;
  for (let i = 0; i < batch.length; i++) {
    const reason = checkEntry(batch[i], firstSeq + i, previous, councilId);
    if (reason) return { seq: firstSeq + i, reason };
    previous = batch[i].hash;
  }
  return null;
}

/** Runs `checkEntries` somewhere else, such as a pool of worker threads. */
export type BatchCheck = (batch: EntryRecord[], firstSeq: number, prevHash: string, councilId: string) => Promise<ChainProblem | null>;

/**
 * Checks entries as they stream in: each one's text, hash and link (the first failure is kept), and the
 * Merkle tree over their hashes, whose root it records at each watched tree size. Memory stays O(log n)
 * plus one root per watched size and the batches in flight, whatever the length of the ledger.
 */
export class EntryStreamChecker {
  private readonly tree = new MerkleAccumulator();
  private prevHash = GENESIS_HASH;
  private readonly problems: ChainProblem[] = [];
  private readonly inFlight: Promise<void>[] = [];
  /** A batch check that could not run (a crashed worker); rethrown rather than left as an unhandled rejection. */
  private failure: unknown = null;
  /** Roots at the watched sizes that were reached, hex. */
  readonly roots = new Map<number, string>();

  constructor(
    private readonly councilId: string,
    private readonly watchedSizes: ReadonlySet<number>,
    private readonly checkBatch?: BatchCheck,
    private readonly maxInFlight = 8,
  ) {}

  get count(): number {
    return this.tree.size;
  }

  async addBatch(batch: EntryRecord[]): Promise<void> {
    if (batch.length === 0) return;
    const firstSeq = this.tree.size + 1;
    if (this.checkBatch) {
      if (this.inFlight.length >= this.maxInFlight) await this.inFlight.shift();
      this.throwIfFailed();
      this.inFlight.push(
        this.checkBatch(batch, firstSeq, this.prevHash, this.councilId).then(
          (problem) => this.record(problem),
          (error: unknown) => void (this.failure ??= error),
        ),
      );
    } else if (this.problems.length === 0) {
      this.record(checkEntries(batch, firstSeq, this.prevHash, this.councilId));
    }
    // The tree is over the stored hashes, so it is still worth building past a broken link: checkpoints then
    // show whether the signed history itself changed.
    for (const entry of batch) {
      this.tree.addLeafDataHex(entry.hash);
      if (this.watchedSizes.has(this.tree.size)) this.roots.set(this.tree.size, this.tree.rootHex());
    }
    this.prevHash = batch[batch.length - 1].hash;
  }

  /** The first entry that fails, once every batch has been checked. */
  async firstProblem(): Promise<ChainProblem | null> {
    await Promise.all(this.inFlight.splice(0));
    this.throwIfFailed();
    return this.problems.reduce<ChainProblem | null>((first, p) => (first && first.seq < p.seq ? first : p), null);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  private record(problem: ChainProblem | null): void {
    if (problem) this.problems.push(problem);
  }
}
