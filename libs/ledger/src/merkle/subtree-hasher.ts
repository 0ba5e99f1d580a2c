import { isPowerOfTwo, LeafRange, MerkleAccumulator, nodeHash, splitPoint } from './merkle';

/** Where the leaves come from: the ledger's entry hashes (32 bytes, hex), by 0-based leaf index. */
export interface LeafReader {
  /** The leaf data of [start, end), hex, in order and in batches; exactly end - start leaves in all. */
  read(start: number, end: number): AsyncIterable<string[]>;
  /** The leaf data at each of `indexes`, hex (the whole list is asked for at once). */
  at(indexes: number[]): Promise<Map<number, string>>;
}

/** Complete, aligned subtrees at least this large are remembered; smaller ones are cheaper to re-read. */
export const CACHED_SUBTREE_MIN = 256;

type Plan = { raw: LeafRange } | { block: LeafRange } | { left: Plan; right: Plan };

const isAlignedBlock = (start: number, size: number) => size >= CACHED_SUBTREE_MIN && isPowerOfTwo(size) && start % size === 0;

/** Splits MTH(D[start:end]) the way RFC 6962 does, down to cacheable blocks or small ranges read directly. */
function plan(start: number, end: number): Plan {
  const size = end - start;
  if (isAlignedBlock(start, size)) return { block: { start, end } };
  if (size <= CACHED_SUBTREE_MIN) return { raw: { start, end } };
  const k = splitPoint(size);
  return { left: plan(start, start + k), right: plan(start + k, end) };
}

function blocksOf(p: Plan, into: LeafRange[]): LeafRange[] {
  if ('block' in p) into.push(p.block);
  else if ('left' in p) {
    blocksOf(p.left, into);
    blocksOf(p.right, into);
  }
  return into;
}

/**
 * Roots of arbitrary leaf ranges (the subtrees of an inclusion or consistency proof, or a whole tree).
 *
 * Cost: a cold call reads every leaf of the requested ranges once (a proof or root over n leaves reads up
 * to n entry hashes) in O(log n) memory. Every complete, aligned subtree of at least CACHED_SUBTREE_MIN
 * leaves met on the way is kept, so later calls read one leaf per cached block plus fewer than
 * 2 x CACHED_SUBTREE_MIN leaves per requested range: O(log n) point reads and O(log n) hashing.
 *
 * A cached root is keyed by its range and its last leaf. Because each entry hash covers the previous
 * one, that last hash stands for every leaf of the range: a leaf written by a transaction that later
 * rolled back, and then replaced, changes the key instead of serving a stale root.
 */
export class SubtreeHasher {
  constructor(
    private readonly leaves: LeafReader,
    /** Shared between calls for one ledger; values are roots in hex. */
    private readonly cache: Map<string, string>,
    private readonly maxCached = 200_000,
  ) {}

  async roots(ranges: LeafRange[]): Promise<Buffer[]> {
    const plans = ranges.map((range) => plan(range.start, range.end));
    const blocks = plans.flatMap((p) => blocksOf(p, []));
    const lastLeaves = await this.leaves.at([...new Set(blocks.map((b) => b.end - 1))]);
    const key = (range: LeafRange) => {
      const last = lastLeaves.get(range.end - 1);
      if (last === undefined) throw new Error(`leaf ${range.end - 1} is missing`);
      return `${range.start}:${range.end}:${last}`;
    };
    const known = new Map<string, string>();
    for (const block of blocks) {
      const k = key(block);
      known.set(k, this.cache.get(k) ?? (await this.readRoot(block)));
    }
    const evaluate = async (p: Plan): Promise<Buffer> => {
      if ('block' in p) return Buffer.from(known.get(key(p.block))!, 'hex');
      if ('raw' in p) return Buffer.from(await this.readRoot(p.raw), 'hex');
      return nodeHash(await evaluate(p.left), await evaluate(p.right));
    };
    const roots: Buffer[] = [];
    for (const p of plans) roots.push(await evaluate(p));
    return roots;
  }

  async root(size: number): Promise<Buffer> {
    return (await this.roots([{ start: 0, end: size }]))[0];
  }

  /** Reads the range's leaves once, remembering every cacheable subtree completed along the way; the root in hex. */
  private async readRoot(range: LeafRange): Promise<string> {
    let lastLeaf = '';
    const accumulator = new MerkleAccumulator((offset, size, rootHex) => {
      const start = range.start + offset;
      if (isAlignedBlock(start, size)) this.remember(`${start}:${start + size}:${lastLeaf}`, rootHex);
    });
    for await (const batch of this.leaves.read(range.start, range.end)) {
      for (const leaf of batch) {
        lastLeaf = leaf;
        accumulator.addLeafDataHex(leaf);
      }
    }
    if (accumulator.size !== range.end - range.start) {
      throw new Error(`expected ${range.end - range.start} leaves from ${range.start}, read ${accumulator.size}`);
    }
    return accumulator.rootHex();
  }

  private remember(key: string, rootHex: string): void {
    // A crude bound: clearing costs one cold read, and a million-entry ledger needs about 8,000 keys.
    if (this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(key, rootHex);
  }
}
