import { matchTotp, newTotpSecret, provisioningUri, timeStepAt, TOTP_PERIOD_SECONDS, totpCode } from './totp';

/** RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's block-size-appropriate length. */
const SEEDS = {
  sha1: Buffer.from('12345678901234567890', 'ascii'),
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
};
const RFC_6238_VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_6238_VECTORS)('matches the RFC test vectors at T=%i', (time, sha1, sha256, sha512) => {
    expect(totpCode(SEEDS.sha1, time, { digits: 8, algorithm: 'sha1' })).toBe(sha1);
    expect(totpCode(SEEDS.sha256, time, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totpCode(SEEDS.sha512, time, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  it('matches the RFC 4226 HOTP vectors through their time steps (6 digits, SHA-1)', () => {
    const hotp = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    hotp.forEach((code, counter) => expect(totpCode(SEEDS.sha1, counter * TOTP_PERIOD_SECONDS)).toBe(code));
  });

  it('accepts a code one step early or late, and says which step it belongs to', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015;
    const step = timeStepAt(now);
    expect(matchTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, now - TOTP_PERIOD_SECONDS), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + TOTP_PERIOD_SECONDS), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, for another secret, or malformed', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const now = 1_800_000_015;
    const window = [-1, 0, 1].map((d) => totpCode(secret, now + d * TOTP_PERIOD_SECONDS));
    const far = totpCode(secret, now - 2 * TOTP_PERIOD_SECONDS);
    const foreign = totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', now);
    expect(window).not.toContain(far);
    expect(window).not.toContain(foreign);
    expect(matchTotp(secret, far, now)).toBeNull();
    expect(matchTotp(secret, foreign, now)).toBeNull();
    for (const malformed of ['', '12345', '1234567', '12345a', ' 123456', '١٢٣٤٥٦']) expect(matchTotp(secret, malformed, now)).toBeNull();
  });

  it('makes 160-bit base32 secrets and a provisioning URI that names neither the person nor their email', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(provisioningUri('GC', secret));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('GC');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/GC:sign-in');
  });
});
