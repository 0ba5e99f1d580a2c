import { hash } from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proof shapes and proof verification, as pure functions.
 * Leaf indexes are 0-based (the ledger's sequence number minus one); sizes are counts of leaves.
 * Nothing here touches the database or Nest, so the verifier can run it anywhere.
 */

export const HASH_BYTES = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = hash('sha256', Buffer.alloc(0), 'buffer');

// Reused inputs for the common 32-byte case, and hex digests: hashing is synchronous, and Node's hex output
// is several times faster than its Buffer output. A million-entry verification hashes two million times.
const leafInput = Buffer.alloc(1 + HASH_BYTES, LEAF_PREFIX);
const nodeInput = Buffer.alloc(1 + 2 * HASH_BYTES, NODE_PREFIX);

function prefixedHashHex(prefix: number, parts: Uint8Array[]): string {
  const input = Buffer.allocUnsafe(1 + parts.reduce((n, part) => n + part.length, 0));
  input[0] = prefix;
  let offset = 1;
  for (const part of parts) {
    input.set(part, offset);
    offset += part.length;
  }
  return hash('sha256', input, 'hex');
}

/** leafHash of 32 bytes given as 64 hex digits, hex; falls back to the bytes Node decodes from anything else. */
export function leafHashOfHex(dataHex: string): string {
  if (dataHex.length === 2 * HASH_BYTES && leafInput.write(dataHex, 1, 'hex') === HASH_BYTES) return hash('sha256', leafInput, 'hex');
  return prefixedHashHex(LEAF_PREFIX, [Buffer.from(dataHex, 'hex')]);
}

/** nodeHash of two 32-byte hashes given in hex (as this module produces them), hex. */
function nodeHashHex(leftHex: string, rightHex: string): string {
  nodeInput.write(leftHex, 1, 'hex');
  nodeInput.write(rightHex, 1 + HASH_BYTES, 'hex');
  return hash('sha256', nodeInput, 'hex');
}

function leafHashHexOfBytes(data: Uint8Array): string {
  if (data.length !== HASH_BYTES) return prefixedHashHex(LEAF_PREFIX, [data]);
  leafInput.set(data, 1);
  return hash('sha256', leafInput, 'hex');
}

/** SHA-256(0x00 || data): the domain separation that keeps a leaf from posing as a node (second pre-images). */
export function leafHash(data: Uint8Array): Buffer {
  return Buffer.from(leafHashHexOfBytes(data), 'hex');
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length === HASH_BYTES && right.length === HASH_BYTES) {
    nodeInput.set(left, 1);
    nodeInput.set(right, 1 + HASH_BYTES);
    return Buffer.from(hash('sha256', nodeInput, 'hex'), 'hex');
  }
  return Buffer.from(prefixedHashHex(NODE_PREFIX, [left, right]), 'hex');
}

/** The largest power of two strictly below n (n >= 2): the split point `k` of RFC 6962. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export const isPowerOfTwo = (n: number) => n >= 1 && splitPoint(n + 1) === n;

/**
 * Computes MTH over leaves fed one at a time, keeping only the roots of the complete subtrees on the
 * right edge: O(log n) memory whatever the number of leaves.
 */
export class MerkleAccumulator {
  /** Roots of complete subtrees, largest (leftmost) first, hex; their sizes are the binary digits of `size`. */
  private readonly stack: string[] = [];
  private count = 0;

  /** `onSubtree` sees every complete, aligned subtree as soon as its last leaf arrives ([start, start + size), root hex). */
  constructor(private readonly onSubtree?: (start: number, size: number, rootHex: string) => void) {}

  get size(): number {
    return this.count;
  }

  addLeafData(data: Uint8Array): void {
    this.addLeafHashHex(leafHashHexOfBytes(data));
  }

  /** Adds a leaf whose data is 32 bytes given as hex (an entry hash): the verifier's hot path. */
  addLeafDataHex(dataHex: string): void {
    this.addLeafHashHex(leafHashOfHex(dataHex));
  }

  private addLeafHashHex(leafHex: string): void {
    let merged = leafHex;
    let size = 1;
    this.onSubtree?.(this.count, 1, merged);
    // Each trailing 1 bit of the previous count is a complete subtree of the current size to merge with.
    for (let before = this.count; before % 2 === 1; before = (before - 1) / 2) {
      merged = nodeHashHex(this.stack.pop()!, merged);
      size *= 2;
      this.onSubtree?.(this.count + 1 - size, size, merged);
    }
    this.stack.push(merged);
    this.count++;
  }

  /** MTH of the leaves so far, hex: the right edge folded from the right, as RFC 6962's recursion does. */
  rootHex(): string {
    if (this.stack.length === 0) return Buffer.from(EMPTY_ROOT).toString('hex');
    let root = this.stack[this.stack.length - 1];
    for (let i = this.stack.length - 2; i >= 0; i--) root = nodeHashHex(this.stack[i], root);
    return root;
  }

  root(): Buffer {
    return Buffer.from(this.rootHex(), 'hex');
  }
}

/** MTH over a list of leaf data (small inputs, tests). */
export function merkleRoot(leaves: Iterable<Uint8Array>): Buffer {
  const accumulator = new MerkleAccumulator();
  for (const leaf of leaves) accumulator.addLeafData(leaf);
  return accumulator.root();
}

/** A subtree of the tree: the leaves [start, end). A proof is the list of their roots, in order. */
export interface LeafRange {
  start: number;
  end: number;
}

function assertSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
}

/** The subtrees whose roots form PATH(index, D[0:size]) of RFC 6962 section 2.1.1, from the leaf up. */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  assertSize('index', index);
  assertSize('size', size);
  if (index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  let start = 0;
  let end = size;
  const siblings: LeafRange[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      siblings.push({ start: start + k, end });
      end = start + k;
    } else {
      siblings.push({ start, end: start + k });
      start += k;
    }
  }
  // Found from the root down; the proof lists them from the leaf up.
  return siblings.reverse();
}

/** The subtrees whose roots form PROOF(from, D[0:to]) of RFC 6962 section 2.1.2 (SUBPROOF with b = true). */
export function consistencyProofRanges(fromSize: number, toSize: number): LeafRange[] {
  assertSize('fromSize', fromSize);
  assertSize('toSize', toSize);
  if (fromSize < 1 || fromSize > toSize) throw new RangeError(`no consistency proof from ${fromSize} to ${toSize} leaves`);
  const found: LeafRange[] = [];
  let start = 0;
  let end = toSize;
  let m = fromSize;
  let whole = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      found.push({ start: start + k, end });
      end = start + k;
    } else {
      found.push({ start, end: start + k });
      start += k;
      m -= k;
      whole = false;
    }
  }
  // SUBPROOF(m, D[m], b) adds MTH(D[m]) itself unless that subtree is the old tree (b still true).
  if (!whole) found.push({ start, end });
  return found.reverse();
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

const wellFormed = (proof: readonly Uint8Array[]) => proof.every((node) => node.length === HASH_BYTES);

/** RFC 9162 section 2.1.3.2: does `proof` show the leaf with hash `leaf` at `index` in the tree with root `root`? */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (leaf.length !== HASH_BYTES || !wellFormed(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * RFC 9162 section 2.1.4.2: does `proof` show that the tree of `fromSize` leaves with root `fromRoot` is a
 * prefix of the tree of `toSize` leaves with root `toRoot`? A proof from the empty tree proves nothing and is refused.
 */
export function verifyConsistency(
  fromSize: number,
  toSize: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 1 || fromSize > toSize) return false;
  if (fromSize === toSize) return proof.length === 0 && equalBytes(fromRoot, toRoot);
  if (proof.length === 0 || !wellFormed(proof)) return false;
  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : [...proof];
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr: Uint8Array = path[0];
  let sr: Uint8Array = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, fromRoot) && equalBytes(sr, toRoot);
}
