import { hash } from 'node:crypto';
import { canonicalJson, CanonicalValue, isCanonicalJson } from '../canonical/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerEntryBody {
  councilId: string;
  seq: number;
  recordedAt: string;
  actor: string;
  kind: string;
  payload: CanonicalValue;
  prevHash: string;
}

export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

export function sealEntry(body: LedgerEntryBody): { canonical: string; hash: string } {
  const canonical = canonicalJson(body);
  return { canonical, hash: sha256Hex(canonical) };
}

export type ChainProblem = { seq: number; reason: string };

/**
 * Checks one entry against its expected place in the chain: JSON, sequence, canonical form, hash, link,
 * and (when given) the council. Returns why it fails, or null. `body`, when the caller already parsed the
 * text, saves parsing it again.
 */
export function checkEntry(
  entry: { canonical: string; hash: string; body?: unknown },
  expectedSeq: number,
  prevHash: string,
  councilId?: string,
): string | null {
  let body: LedgerEntryBody;
  try {
    body = (entry.body ?? JSON.parse(entry.canonical)) as LedgerEntryBody;
  } catch {
    return 'entry is not valid JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'entry is not a JSON object';
  if (body.seq !== expectedSeq) return `expected sequence ${expectedSeq}, found ${body.seq}`;
  if (!isCanonicalJson(entry.canonical, body)) return 'entry text is not canonical';
  if (sha256Hex(entry.canonical) !== entry.hash) return 'hash does not match the entry text';
  if (body.prevHash !== prevHash) return 'previous hash does not link to the entry before';
  if (councilId !== undefined && body.councilId !== councilId) return `entry belongs to council ${body.councilId}`;
  return null;
}

/**
 * Checks a run of entries, in order, against each other: canonical form, hash, sequence and link.
 * Returns the first problem, or null. `previous` is the entry before the run (null at the start).
 */
export function verifyChain(
  entries: Iterable<{ canonical: string; hash: string }>,
  previous: { seq: number; hash: string } | null = null,
): ChainProblem | null {
  let expectedSeq = previous ? previous.seq + 1 : 1;
  let prevHash = previous ? previous.hash : GENESIS_HASH;
  for (const entry of entries) {
    const reason = checkEntry(entry, expectedSeq, prevHash);
    if (reason) return { seq: expectedSeq, reason };
    prevHash = entry.hash;
    expectedSeq++;
  }
  return null;
}
