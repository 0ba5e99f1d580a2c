import { randomBytes } from 'node:crypto';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes of three groups of four unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
    expect(newRecoveryCodes()).not.toEqual(codes);
  });

  it('ignores case, spaces and dashes when a code is typed back', () => {
    expect(normalizeRecoveryCode(' K7DM q2xa-9FPE ')).toBe('k7dmq2xa9fpe');
    const key = randomBytes(32);
    expect(hashRecoveryCode(key, 'K7DM Q2XA 9FPE')).toBe(hashRecoveryCode(key, 'k7dm-q2xa-9fpe'));
  });

  it('hashes under a key: another key gives another hash, and the hash does not contain the code', () => {
    const code = 'k7dm-q2xa-9fpe';
    const hash = hashRecoveryCode(randomBytes(32), code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(hashRecoveryCode(randomBytes(32), code));
    expect(hash).not.toContain('k7dm');
  });
});
