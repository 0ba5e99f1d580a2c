import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { consistencyProofRanges, inclusionProofRanges, merkleRoot, verifyConsistency, verifyInclusion, leafHash } from './merkle';
import { CACHED_SUBTREE_MIN, LeafReader, SubtreeHasher } from './subtree-hasher';

/** Leaves shaped like the ledger's: each one a 32-byte hash that covers the one before it. */
function chainedLeaves(count: number, salt = ''): Buffer[] {
  const leaves: Buffer[] = [];
  let previous = Buffer.alloc(32);
  for (let i = 0; i < count; i++) {
    previous = createHash('sha256').update(previous).update(`${salt}${i}`).digest();
    leaves.push(previous);
  }
  return leaves;
}

/** An in-memory LeafReader over an array that counts how many leaves were read. */
function arrayReader(leaves: Buffer[]) {
  const reader = {
    leavesRead: 0,
    async *read(start: number, end: number) {
      for (let from = start; from < end; from += 100) {
        const batch = leaves.slice(from, Math.min(end, from + 100));
        reader.leavesRead += batch.length;
        yield batch.map((leaf) => leaf.toString('hex'));
      }
    },
    async at(indexes: number[]) {
      reader.leavesRead += indexes.length;
      return new Map(indexes.filter((i) => i < leaves.length).map((i) => [i, leaves[i].toString('hex')] as [number, string]));
    },
  } satisfies LeafReader & { leavesRead: number };
  return reader;
}

describe('SubtreeHasher', () => {
  const leaves = chainedLeaves(3000);

  it('computes the same roots as hashing the leaves directly, for any range of a tree', async () => {
    const hasher = new SubtreeHasher(arrayReader(leaves), new Map());
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: leaves.length }), fc.integer({ min: 0, max: leaves.length }), async (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const [root] = await hasher.roots([{ start, end }]);
        expect(root).toEqual(merkleRoot(leaves.slice(start, end)));
      }),
      { numRuns: 60 },
    );
  });

  it('serves proofs that verify, reading far fewer leaves once the large subtrees are known', async () => {
    const reader = arrayReader(leaves);
    const hasher = new SubtreeHasher(reader, new Map());
    const size = 2900;
    const root = await hasher.root(size);
    expect(root).toEqual(merkleRoot(leaves.slice(0, size)));
    expect(reader.leavesRead).toBeGreaterThanOrEqual(size);

    reader.leavesRead = 0;
    const index = 1234;
    const path = await hasher.roots(inclusionProofRanges(index, size));
    expect(verifyInclusion(index, size, leafHash(leaves[index]), path, root)).toBe(true);
    const consistency = await hasher.roots(consistencyProofRanges(1500, size));
    expect(verifyConsistency(1500, size, merkleRoot(leaves.slice(0, 1500)), root, consistency)).toBe(true);
    expect(reader.leavesRead).toBeLessThan(4 * CACHED_SUBTREE_MIN);
  });

  it('does not serve a remembered subtree once its last leaf is different (a rolled-back, replaced entry)', async () => {
    const cache = new Map<string, string>();
    const original = chainedLeaves(600);
    await new SubtreeHasher(arrayReader(original), cache).root(600);
    expect(cache.size).toBeGreaterThan(0);
    // The entries from 300 on were rolled back and others took their sequence numbers: every later hash differs.
    const replaced = [...original.slice(0, 300), ...chainedLeaves(300, 'other')];
    const root = await new SubtreeHasher(arrayReader(replaced), cache).root(600);
    expect(root).toEqual(merkleRoot(replaced));
    expect(root).not.toEqual(merkleRoot(original));
  });

  it('fails loudly when the reader returns fewer leaves than the range holds', async () => {
    const hasher = new SubtreeHasher(arrayReader(leaves.slice(0, 10)), new Map());
    await expect(hasher.roots([{ start: 0, end: 20 }])).rejects.toThrow(/expected 20 leaves/);
  });
});
