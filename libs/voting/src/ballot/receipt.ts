import { createHash, randomBytes } from 'node:crypto';

export interface Receipt {
  /** Handed to the voter once, never stored: 32 random bytes, base64url. */
  token: string;
  /** SHA-256 of the token's text, what the database keeps and the bulletin lists. */
  hash: Buffer;
}

export const RECEIPT_HASH_HEX = /^[0-9a-f]{64}$/;

/** A new receipt: 256 bits from the operating system's CSPRNG, so it reveals nothing about the voter or the time. */
export function newReceipt(): Receipt {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: receiptHash(token) };
}

/** SHA-256 over the token's UTF-8 text: what a voter computes to find their ballot on the bulletin. */
export const receiptHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
