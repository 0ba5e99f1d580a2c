import { createHash } from 'node:crypto';
import { newReceipt, receiptHash } from './receipt';

describe('ballot receipts', () => {
  it('is 256 random bits, base64url, and its hash is SHA-256 of the token text', () => {
    const { token, hash } = newReceipt();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash.toString('hex')).toBe(createHash('sha256').update(token, 'utf8').digest('hex'));
    expect(receiptHash(token).equals(hash)).toBe(true);
  });

  it('never repeats and carries no shared structure (10,000 receipts)', () => {
    const tokens = Array.from({ length: 10_000 }, () => newReceipt().token);
    expect(new Set(tokens).size).toBe(tokens.length);
    // No common prefix beyond chance: a counter or a clock in the token would show here.
    const prefixes = new Set(tokens.map((t) => t.slice(0, 4)));
    expect(prefixes.size).toBeGreaterThan(9_000);
  });
});
