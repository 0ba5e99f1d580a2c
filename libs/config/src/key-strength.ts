import { KeyObject } from 'node:crypto';

/** Secrets shipped in examples, tests or tutorials, and placeholder words nobody types into a real key. */
const KNOWN_DEFAULTS = ['test-only-secret-that-is-long-enough-0123456789'];
const PLACEHOLDER_WORDS = ['changeme', 'change-me', 'change_me', 'secret', 'password', 'example', 'default', 'placeholder'];

/** The shortest period with which `bytes` repeats itself, if it is at most `maxPeriod`; else null. */
function repeatingPeriod(bytes: Buffer, maxPeriod: number): number | null {
  for (let period = 1; period <= Math.min(maxPeriod, bytes.length - 1); period++) {
    let repeats = true;
    for (let i = period; i < bytes.length && repeats; i++) repeats = bytes[i] === bytes[i - period];
    if (repeats) return period;
  }
  return null;
}

/**
 * Why a random key of 32 bytes (the data key, the ledger seed) is unfit, or null. The thresholds are far
 * below what random bytes produce (32 random bytes have about 30 distinct values; fewer than 16 happens
 * with a probability under 10^-15), so they only catch keys typed or patterned by hand.
 */
export function weakKeyReason(bytes: Buffer): string | null {
  if (bytes.length < 32) return 'is shorter than 32 bytes';
  const period = repeatingPeriod(bytes, 16);
  if (period === 1) return 'is one byte repeated';
  if (period !== null) return `repeats a ${period}-byte pattern`;
  if (new Set(bytes).size < 16) return 'has too few distinct bytes to be random';
  return null;
}

/**
 * Why a JWT secret (any text of at least 32 bytes) is unfit, or null. It may be hex or base64 of random
 * bytes, so the distinct-character floor is low: 64 random hex digits almost never use fewer than 10.
 */
export function weakSecretReason(text: string): string | null {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < 32) return 'is shorter than 32 bytes';
  if (KNOWN_DEFAULTS.includes(text)) return 'is a published example value';
  const lower = text.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `contains the placeholder word "${word}"`;
  const period = repeatingPeriod(bytes, 16);
  if (period === 1) return 'is one character repeated';
  if (period !== null) return `repeats a ${period}-character pattern`;
  if (new Set(bytes).size < 10) return 'has too few distinct characters to be random';
  return null;
}

/** The 32-byte seed of an Ed25519 private key, to compare it with the other keys. */
export function ed25519Seed(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).d ?? '', 'base64url');
}

export interface NamedKey {
  variable: string;
  /** Every byte form the key can take: its raw bytes and, for text, its text and what the text decodes to. */
  forms: Buffer[];
}

/** The first pair of variables that hold the same key in any form, or null: one leaked key must not open the others. */
export function sharedKey(keys: NamedKey[]): [string, string] | null {
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      if (keys[i].forms.some((a) => a.length > 0 && keys[j].forms.some((b) => a.equals(b)))) return [keys[i].variable, keys[j].variable];
    }
  }
  return null;
}
