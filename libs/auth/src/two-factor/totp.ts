import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 defaults that every authenticator app understands: HMAC-SHA1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** One step either side of the server's clock is accepted, for phones whose clocks drift (RFC 6238, 5.2). */
export const TOTP_TOLERANCE_STEPS = 1;
/** 160 bits, the length RFC 4226 recommends for the shared secret. */
const SECRET_BYTES = 20;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A new shared secret, base32 as authenticator apps expect it. */
export const newTotpSecret = (): string => generateSecret({ length: SECRET_BYTES });

/**
 * The otpauth:// URI an authenticator app scans. The account name is neutral on purpose: the app shows it
 * on the phone, and a phone searched at a border must not name the person's email or the council.
 */
export const provisioningUri = (issuer: string, secret: string): string =>
  generateURI({ issuer, label: 'sign-in', secret, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });

/** The RFC 6238 time step of an instant. */
export const timeStepAt = (epochSeconds: number): number => Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);

/** The code for a secret at an instant (tests and the RFC vectors pass their own digits and algorithm). */
export function totpCode(
  secret: string | Uint8Array,
  epochSeconds = nowSeconds(),
  options: { digits?: 6 | 7 | 8; algorithm?: 'sha1' | 'sha256' | 'sha512' } = {},
): string {
  return generateSync({ secret, epoch: epochSeconds, period: TOTP_PERIOD_SECONDS, digits: options.digits ?? TOTP_DIGITS, ...options });
}

/**
 * The time step a code belongs to, when it is valid for the secret within the tolerance, else null. The
 * comparison is constant-time. Refusing a step already used is the caller's job (it needs the database).
 */
export function matchTotp(secret: string, code: string, epochSeconds = nowSeconds()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: epochSeconds,
    period: TOTP_PERIOD_SECONDS,
    digits: TOTP_DIGITS,
    epochTolerance: TOTP_TOLERANCE_STEPS * TOTP_PERIOD_SECONDS,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
