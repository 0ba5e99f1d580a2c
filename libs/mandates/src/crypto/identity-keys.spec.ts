import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { blindIndex } from '@gc/common';
import { deriveIdentityKeys } from './identity-keys';

describe('constituent identity keys', () => {
  it('derives distinct subkeys per purpose, the same ones for the same data key', () => {
    const dataKey = randomBytes(32);
    const once = deriveIdentityKeys(dataKey);
    const again = deriveIdentityKeys(dataKey);
    expect(once.encryption.equals(again.encryption)).toBe(true);
    expect(once.encryption.equals(once.emailIndex)).toBe(false);
    expect(once.emailIndex.equals(once.phoneIndex)).toBe(false);
    expect(once.encryption.equals(dataKey)).toBe(false);
    expect(() => deriveIdentityKeys(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('keeps the HKDF derivation that data already stored was sealed with', () => {
    const dataKey = Buffer.alloc(32, 7);
    const expected = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'global-council/constituent-identity/aes-256-gcm/v1', 32));
    expect(deriveIdentityKeys(dataKey).encryption.equals(expected)).toBe(true);
  });

  it('blind-indexes emails and phones under different keys', () => {
    const keys = deriveIdentityKeys(randomBytes(32));
    expect(blindIndex(keys.emailIndex, '+41791234567').equals(blindIndex(keys.phoneIndex, '+41791234567'))).toBe(false);
    expect(
      blindIndex(keys.emailIndex, 'a@example.org').equals(createHmac('sha256', keys.emailIndex).update('a@example.org').digest()),
    ).toBe(true);
  });
});
