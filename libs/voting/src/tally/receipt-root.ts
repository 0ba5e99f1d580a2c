import { MerkleAccumulator } from '@gc/ledger';

/**
 * The RFC 6962 Merkle root (hex) over a closed vote's receipt hashes, each a 32-byte leaf, in ascending byte
 * order: the order of the published bulletin, so anyone can recompute it from the bulletin alone. Sorting by
 * a random hash, never by insertion, keeps the tree from saying anything about when each ballot was cast.
 */
export function receiptRoot(sortedReceiptHashes: readonly Buffer[]): string {
  const tree = new MerkleAccumulator();
  let previous: Buffer | null = null;
  for (const hash of sortedReceiptHashes) {
    if (hash.length !== 32) throw new RangeError(`a receipt hash has 32 bytes, got ${hash.length}`);
    if (previous && Buffer.compare(previous, hash) >= 0) throw new RangeError('receipt hashes must be distinct and in ascending order');
    tree.addLeafData(hash);
    previous = hash;
  }
  return tree.rootHex();
}
