import { randomBytes } from 'node:crypto';
import { blindIndex, decryptField, deriveSubkey, encryptField, fieldContext, FieldDecryptionError } from './field-crypto';

const deriveKeys = (dataKey: Buffer) => ({
  encryption: deriveSubkey(dataKey, 'test/aes-256-gcm'),
  emailIndex: deriveSubkey(dataKey, 'test/blind-index/email'),
});

describe('field crypto', () => {
  const keys = deriveKeys(randomBytes(32));
  const rowId = '4f6d2f4e-8a55-4a43-9b7e-0c2a3b0d9e11';
  const context = fieldContext('constituent', 'name', rowId);

  it('round-trips text, including non-Latin scripts', () => {
    for (const text of ['Ali Rahmonov', 'Фаррух Шарипов', 'سلام', '']) {
      expect(decryptField(keys.encryption, encryptField(keys.encryption, text, context), context)).toBe(text);
    }
  });

  it('uses a fresh nonce per value: the same text never encrypts to the same bytes', () => {
    const a = encryptField(keys.encryption, 'same text', context);
    const b = encryptField(keys.encryption, 'same text', context);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it('does not contain the plaintext', () => {
    const sealed = encryptField(keys.encryption, 'zarina@example.org', context);
    expect(sealed.toString('latin1')).not.toContain('zarina');
  });

  it('refuses a ciphertext with any single byte flipped', () => {
    const sealed = encryptField(keys.encryption, 'Dushanbe', context);
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] ^= 0x01;
      expect(() => decryptField(keys.encryption, tampered, context)).toThrow(FieldDecryptionError);
    }
  });

  it('refuses a truncated ciphertext', () => {
    const sealed = encryptField(keys.encryption, 'Dushanbe', context);
    expect(() => decryptField(keys.encryption, sealed.subarray(0, sealed.length - 1), context)).toThrow(FieldDecryptionError);
    expect(() => decryptField(keys.encryption, sealed.subarray(0, 20), context)).toThrow(FieldDecryptionError);
  });

  it('refuses a value moved to another column or another row (wrong associated data)', () => {
    const sealed = encryptField(keys.encryption, 'Dushanbe', context);
    expect(() => decryptField(keys.encryption, sealed, fieldContext('constituent', 'city', rowId))).toThrow(FieldDecryptionError);
    expect(() =>
      decryptField(keys.encryption, sealed, fieldContext('constituent', 'name', '00000000-0000-4000-8000-000000000000')),
    ).toThrow(FieldDecryptionError);
  });

  it('refuses a value under another data key, and says nothing about the value when it does', () => {
    const other = deriveKeys(randomBytes(32));
    const sealed = encryptField(keys.encryption, 'secret name', context);
    expect(() => decryptField(other.encryption, sealed, context)).toThrow(/failed authentication \(constituent\.name:/);
    try {
      decryptField(other.encryption, sealed, context);
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });

  it('derives distinct subkeys per purpose, the same ones for the same data key', () => {
    const dataKey = randomBytes(32);
    expect(deriveSubkey(dataKey, 'a').equals(deriveSubkey(dataKey, 'a'))).toBe(true);
    expect(deriveSubkey(dataKey, 'a').equals(deriveSubkey(dataKey, 'b'))).toBe(false);
    expect(deriveSubkey(dataKey, 'a').equals(dataKey)).toBe(false);
    expect(deriveSubkey(dataKey, 'a')).toHaveLength(32);
    expect(() => deriveSubkey(randomBytes(16), 'a')).toThrow(/32 bytes/);
  });

  it('blind-indexes deterministically per key, and differently under another key', () => {
    const other = deriveKeys(randomBytes(32));
    expect(blindIndex(keys.emailIndex, 'a@example.org').equals(blindIndex(keys.emailIndex, 'a@example.org'))).toBe(true);
    expect(blindIndex(keys.emailIndex, 'a@example.org').equals(blindIndex(keys.emailIndex, 'b@example.org'))).toBe(false);
    expect(blindIndex(keys.emailIndex, 'a@example.org').equals(blindIndex(other.emailIndex, 'a@example.org'))).toBe(false);
  });
});
