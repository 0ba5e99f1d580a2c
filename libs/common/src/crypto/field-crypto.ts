import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field-level encryption for personal data and other secrets at rest: AES-256-GCM with a random 12-byte nonce per value, and the
 * value's place (table, column, row id) bound as associated data so that a ciphertext copied to another
 * row or column no longer decrypts. Sealed layout: version (1 byte) | nonce (12) | tag (16) | ciphertext.
 */
const FORMAT_V1 = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * A subkey for one purpose (HKDF-SHA256 over the data key, with the purpose as info), so that the data key
 * itself never encrypts or hashes anything and no two purposes share a key.
 */
export function deriveSubkey(dataKey: Buffer, purpose: string): Buffer {
  if (dataKey.length !== KEY_BYTES) throw new Error(`The data key must be ${KEY_BYTES} bytes`);
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), purpose, KEY_BYTES));
}

/** The associated data that pins a value to one column of one row. */
export const fieldContext = (table: string, column: string, rowId: string): string => `${table}.${column}:${rowId}`;

export class FieldDecryptionError extends Error {
  constructor(context: string) {
    // Names the place only; the value, right or wrong, never appears in an error.
    super(`An encrypted field failed authentication (${context})`);
    this.name = 'FieldDecryptionError';
  }
}

export function encryptField(key: Buffer, plaintext: string, context: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V1), nonce, cipher.getAuthTag(), body]);
}

export function decryptField(key: Buffer, sealed: Buffer, context: string): string {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) throw new FieldDecryptionError(context);
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
  const body = sealed.subarray(1 + NONCE_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldDecryptionError(context);
  }
}

/** A keyed, deterministic digest of a normalized value: equal inputs match, and without the key it reveals nothing. */
export const blindIndex = (key: Buffer, normalized: string): Buffer => createHmac('sha256', key).update(normalized, 'utf8').digest();
