import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  consistencyProofRanges,
  EMPTY_ROOT,
  inclusionProofRanges,
  LeafRange,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

const hex = (value: string) => Buffer.from(value, 'hex');
const b64 = (value: string) => Buffer.from(value, 'base64');
const toHex = (value: Uint8Array) => Buffer.from(value).toString('hex');

/** The eight leaf inputs of the RFC 6962 reference tree (transparency-dev/merkle testonly/constants.go). */
const RFC_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);

/** MTH(D[0:n]) for n = 0..8 over RFC_LEAVES, copied from the same file. */
const RFC_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** A proof as the roots of its subtrees, computed from the whole list of leaves. */
const proofOf = (ranges: LeafRange[], leaves: Uint8Array[]) => ranges.map((r) => merkleRoot(leaves.slice(r.start, r.end)));

/** RFC 6962's recursive definition of MTH, written out literally as the reference for the streaming version. */
function referenceRoot(leaves: Uint8Array[]): Buffer {
  if (leaves.length === 0) return Buffer.from(EMPTY_ROOT);
  if (leaves.length === 1) return leafHash(leaves[0]);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const flipBit = (value: Uint8Array, bit: number) => {
  const copy = Buffer.from(value);
  copy[Math.floor(bit / 8) % copy.length] ^= 1 << (bit % 8);
  return copy;
};

const leavesArbitrary = (min: number, max: number) =>
  fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: min, maxLength: max });

describe('Merkle tree hash (RFC 6962)', () => {
  it.each(RFC_ROOTS.map((root, size) => [size, root]))('gives the published root for the first %i reference leaves', (size, root) => {
    expect(toHex(merkleRoot(RFC_LEAVES.slice(0, size as number)))).toBe(root);
  });

  it('computes the same root streaming, in O(log n) space, as the recursive definition', () => {
    fc.assert(
      fc.property(leavesArbitrary(0, 70), (leaves) => {
        const accumulator = new MerkleAccumulator();
        leaves.forEach((leaf, i) => {
          accumulator.addLeafData(leaf);
          expect(accumulator.root()).toEqual(referenceRoot(leaves.slice(0, i + 1)));
        });
        expect(accumulator.size).toBe(leaves.length);
        // Leaves given as hex (the verifier's path) build the same tree as leaves given as bytes.
        const fromHex = new MerkleAccumulator();
        leaves.forEach((leaf) => fromHex.addLeafDataHex(Buffer.from(leaf).toString('hex')));
        expect(fromHex.rootHex()).toBe(accumulator.rootHex());
      }),
    );
  });

  it('reports every complete aligned subtree while streaming', () => {
    const seen: string[] = [];
    const accumulator = new MerkleAccumulator((start, size, rootHex) => seen.push(`${start}+${size}:${rootHex.slice(0, 8)}`));
    RFC_LEAVES.slice(0, 6).forEach((leaf) => accumulator.addLeafData(leaf));
    expect(seen.filter((s) => !s.includes('+1:'))).toEqual([
      `0+2:${RFC_ROOTS[2].slice(0, 8)}`,
      '2+2:5f083f0a',
      `0+4:${RFC_ROOTS[4].slice(0, 8)}`,
      '4+2:0ebc5d34',
    ]);
  });

  it('keeps leaves and nodes apart: a node cannot be presented as a leaf (second pre-image)', () => {
    const [a, b] = [leafHash(RFC_LEAVES[0]), leafHash(RFC_LEAVES[1])];
    const forged = Buffer.concat([a, b]);
    expect(merkleRoot([forged])).not.toEqual(merkleRoot(RFC_LEAVES.slice(0, 2)));
  });
});

describe('inclusion proofs', () => {
  // Expected audit paths copied from transparency-dev/merkle testonly/reference_test.go (TestRefInclusionProof).
  it.each([
    [0, 1, []],
    [0, 2, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7']],
    [1, 2, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d']],
    [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
    [
      1,
      5,
      [
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
    [
      0,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      5,
      8,
      [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
  ] as [number, number, string[]][])('generates the published path for leaf %i of %i', (index, size, expected) => {
    const leaves = RFC_LEAVES.slice(0, size);
    const proof = proofOf(inclusionProofRanges(index, size), leaves);
    expect(proof.map(toHex)).toEqual(expected);
    expect(verifyInclusion(index, size, leafHash(leaves[index]), proof, hex(RFC_ROOTS[size]))).toBe(true);
  });

  it('refuses to describe a leaf outside the tree', () => {
    expect(() => inclusionProofRanges(3, 3)).toThrow(RangeError);
    expect(() => inclusionProofRanges(-1, 3)).toThrow(RangeError);
  });

  it('verifies every proof for random trees and leaves, and no proof with one bit flipped', () => {
    fc.assert(
      fc.property(
        leavesArbitrary(1, 150),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('leaf', 'root', 'path', 'index'),
        (leaves, pick, bit, target) => {
          const size = leaves.length;
          const index = pick % size;
          const root = merkleRoot(leaves);
          const leaf = leafHash(leaves[index]);
          const proof = proofOf(inclusionProofRanges(index, size), leaves);
          expect(verifyInclusion(index, size, leaf, proof, root)).toBe(true);

          if (target === 'leaf') expect(verifyInclusion(index, size, flipBit(leaf, bit), proof, root)).toBe(false);
          if (target === 'root') expect(verifyInclusion(index, size, leaf, proof, flipBit(root, bit))).toBe(false);
          if (target === 'path' && proof.length > 0) {
            const tampered = proof.map((node, i) => (i === bit % proof.length ? flipBit(node, bit) : node));
            expect(verifyInclusion(index, size, leaf, tampered, root)).toBe(false);
          }
          // With distinct leaves, a leaf's proof cannot place it anywhere else.
          const distinct = new Set(leaves.map(toHex)).size === size;
          if (target === 'index' && size > 1 && distinct) {
            const other = (index + 1 + (bit % (size - 1))) % size;
            expect(verifyInclusion(other, size, leaf, proof, root)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('consistency proofs', () => {
  // Expected proofs copied from transparency-dev/merkle testonly/reference_test.go (TestRefConsistencyProof).
  it.each([
    [1, 1, []],
    [
      1,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      2,
      5,
      [
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
    [
      6,
      8,
      [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
  ] as [number, number, string[]][])('generates the published proof from %i to %i leaves', (fromSize, toSize, expected) => {
    const proof = proofOf(consistencyProofRanges(fromSize, toSize), RFC_LEAVES.slice(0, toSize));
    expect(proof.map(toHex)).toEqual(expected);
    expect(verifyConsistency(fromSize, toSize, hex(RFC_ROOTS[fromSize]), hex(RFC_ROOTS[toSize]), proof)).toBe(true);
  });

  it('refuses impossible sizes', () => {
    expect(() => consistencyProofRanges(0, 3)).toThrow(RangeError);
    expect(() => consistencyProofRanges(4, 3)).toThrow(RangeError);
  });

  it('verifies every proof between random sizes, and none with one bit flipped or a rewritten old leaf', () => {
    fc.assert(
      fc.property(
        leavesArbitrary(1, 150),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('old', 'new', 'path', 'history'),
        (leaves, pick, bit, target) => {
          const toSize = leaves.length;
          const fromSize = 1 + (pick % toSize);
          const oldRoot = merkleRoot(leaves.slice(0, fromSize));
          const newRoot = merkleRoot(leaves);
          const proof = proofOf(consistencyProofRanges(fromSize, toSize), leaves);
          expect(verifyConsistency(fromSize, toSize, oldRoot, newRoot, proof)).toBe(true);

          if (target === 'old') expect(verifyConsistency(fromSize, toSize, flipBit(oldRoot, bit), newRoot, proof)).toBe(false);
          if (target === 'new') expect(verifyConsistency(fromSize, toSize, oldRoot, flipBit(newRoot, bit), proof)).toBe(false);
          if (target === 'path' && proof.length > 0) {
            const tampered = proof.map((node, i) => (i === bit % proof.length ? flipBit(node, bit) : node));
            expect(verifyConsistency(fromSize, toSize, oldRoot, newRoot, tampered)).toBe(false);
          }
          // A rewrite of history: the new tree changes one of the old leaves; its honest proof cannot link to the old root.
          if (target === 'history') {
            const rewritten = leaves.map((leaf, i) => (i === bit % fromSize ? Buffer.concat([leaf, Buffer.from([1])]) : leaf));
            const rewrittenRoot = merkleRoot(rewritten);
            const rewrittenProof = proofOf(consistencyProofRanges(fromSize, toSize), rewritten);
            expect(verifyConsistency(fromSize, toSize, oldRoot, rewrittenRoot, rewrittenProof)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

interface InclusionProbe {
  file: string;
  desc: string;
  leafIdx: number | string;
  treeSize: number | string;
  root: string;
  leafHash: string;
  proof: string[];
  wantErr: boolean;
}

interface ConsistencyProbe {
  file: string;
  desc: string;
  size1: number | string;
  size2: number | string;
  root1: string;
  root2: string;
  proof: string[];
  wantErr: boolean;
}

describe('verification probes from transparency-dev/merkle testdata (values copied into ./testdata)', () => {
  const probes = JSON.parse(readFileSync(join(__dirname, 'testdata', 'rfc6962-probes.json'), 'utf8')) as {
    inclusion: InclusionProbe[];
    consistency: ConsistencyProbe[];
  };

  it('has them all', () => {
    expect([probes.inclusion.length, probes.consistency.length]).toEqual([98, 98]);
  });

  it.each(probes.inclusion.map((p) => [p.file, p]))('inclusion %s', (_, probe) => {
    const p = probe as InclusionProbe;
    const ok = verifyInclusion(Number(p.leafIdx), Number(p.treeSize), b64(p.leafHash), p.proof.map(b64), b64(p.root));
    expect(ok).toBe(!p.wantErr);
  });

  it.each(probes.consistency.map((p) => [p.file, p]))('consistency %s', (_, probe) => {
    const p = probe as ConsistencyProbe;
    const ok = verifyConsistency(Number(p.size1), Number(p.size2), b64(p.root1), b64(p.root2), p.proof.map(b64));
    expect(ok).toBe(!p.wantErr);
  });
});
