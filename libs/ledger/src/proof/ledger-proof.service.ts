import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@gc/common';
import { LedgerRepository } from '../entry/ledger.repository';
import { consistencyProofRanges, inclusionProofRanges } from '../merkle/merkle';
import { LeafReader, SubtreeHasher } from '../merkle/subtree-hasher';
import { LedgerConsistencyProofModel, LedgerInclusionProofModel } from './ledger-proof.model';

/**
 * Merkle roots and proofs over a council's ledger, computed from the stored entry hashes.
 * Cost (see SubtreeHasher): the first request over n entries reads up to n hashes; later ones read
 * O(log n) hashes plus at most a few hundred, because complete subtrees are remembered per council.
 */
@Injectable()
export class LedgerProofService {
  private readonly caches = new Map<string, Map<string, string>>();

  constructor(private readonly entries: LedgerRepository) {}

  /** The number of entries, as the current transaction sees it. */
  size(councilId: string): Promise<number> {
    return this.entries.headSeq(councilId);
  }

  async root(councilId: string, treeSize: number): Promise<string> {
    return (await this.hasher(councilId).root(treeSize)).toString('hex');
  }

  async inclusionProof(councilId: string, seq: number, treeSize: number): Promise<LedgerInclusionProofModel> {
    const size = await this.existingSize(councilId);
    if (treeSize < seq) throw badInput('treeSize', `treeSize must be at least seq (${seq})`);
    if (treeSize > size) throw badInput('treeSize', `the ledger has ${size} entries, fewer than treeSize ${treeSize}`);
    const hasher = this.hasher(councilId);
    const [root, ...path] = await hasher.roots([{ start: 0, end: treeSize }, ...inclusionProofRanges(seq - 1, treeSize)]);
    const entryHash = (await this.entries.hashesAt(councilId, [seq])).get(seq)!;
    return { councilId, seq, treeSize, entryHash, rootHash: root.toString('hex'), path: path.map((h) => h.toString('hex')) };
  }

  async consistencyProof(councilId: string, fromSize: number, toSize: number): Promise<LedgerConsistencyProofModel> {
    const size = await this.existingSize(councilId);
    if (toSize < fromSize) throw badInput('toSize', `toSize must be at least fromSize (${fromSize})`);
    if (toSize > size) throw badInput('toSize', `the ledger has ${size} entries, fewer than toSize ${toSize}`);
    const [fromRoot, toRoot, ...path] = await this.hasher(councilId).roots([
      { start: 0, end: fromSize },
      { start: 0, end: toSize },
      ...consistencyProofRanges(fromSize, toSize),
    ]);
    return {
      councilId,
      fromSize,
      toSize,
      fromRoot: fromRoot.toString('hex'),
      toRoot: toRoot.toString('hex'),
      path: path.map((h) => h.toString('hex')),
    };
  }

  private async existingSize(councilId: string): Promise<number> {
    const size = await this.size(councilId);
    if (size === 0) throw notFound('A ledger for this council', 'councilId');
    return size;
  }

  private hasher(councilId: string): SubtreeHasher {
    let cache = this.caches.get(councilId);
    if (!cache) this.caches.set(councilId, (cache = new Map()));
    const entries = this.entries;
    // Leaf i is entry i + 1; its data is the 32 bytes of the entry's SHA-256 hash.
    const reader: LeafReader = {
      async *read(start, end) {
        for await (const batch of entries.hashes(councilId, start, end)) yield batch.map((e) => e.hash);
      },
      async at(indexes) {
        const hashes = await entries.hashesAt(
          councilId,
          indexes.map((i) => i + 1),
        );
        return new Map(indexes.filter((i) => hashes.has(i + 1)).map((i) => [i, hashes.get(i + 1)!]));
      },
    };
    return new SubtreeHasher(reader, cache);
  }
}
