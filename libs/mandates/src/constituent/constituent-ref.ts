import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The opaque reference everyone but the delegation's coordinators sees: 80 random bits, unrelated to the
 * row id or to anything about the person. Shape: C-XXXX-XXXX-XXXX-XXXX.
 */
export function newConstituentRef(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `C-${out.match(/.{4}/g)!.join('-')}`;
}
