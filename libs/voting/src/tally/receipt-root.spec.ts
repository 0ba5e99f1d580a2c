import { createHash, randomBytes } from 'node:crypto';
import { merkleRoot } from '@gc/ledger';
import { receiptRoot } from './receipt-root';

describe('receipt root', () => {
  it('is the RFC 6962 root over the sorted receipt hashes, SHA-256 of nothing when there are none', () => {
    const hashes = Array.from({ length: 37 }, () => randomBytes(32)).sort(Buffer.compare);
    expect(receiptRoot(hashes)).toBe(merkleRoot(hashes).toString('hex'));
    expect(receiptRoot([])).toBe(createHash('sha256').digest('hex'));
  });

  it('refuses unsorted or repeated hashes and hashes of the wrong size, so the root cannot reflect casting order', () => {
    const [x, y] = [randomBytes(32), randomBytes(32)].sort(Buffer.compare);
    expect(() => receiptRoot([y, x])).toThrow(RangeError);
    expect(() => receiptRoot([x, x])).toThrow(RangeError);
    expect(() => receiptRoot([randomBytes(31)])).toThrow(RangeError);
  });
});
