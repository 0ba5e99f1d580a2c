import { createHash } from 'node:crypto';
import { canonicalJson, CanonicalValue } from '../canonical/canonical-json';

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

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function sealEntry(body: LedgerEntryBody): { canonical: string; hash: string } {
  const canonical = canonicalJson(body);
  return { canonical, hash: sha256Hex(canonical) };
}

export type ChainProblem = { seq: number; reason: string };

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
    let body: LedgerEntryBody;
    try {
      body = JSON.parse(entry.canonical) as LedgerEntryBody;
    } catch {
      return { seq: expectedSeq, reason: 'entry is not valid JSON' };
    }
    if (body.seq !== expectedSeq) return { seq: expectedSeq, reason: `expected sequence ${expectedSeq}, found ${body.seq}` };
    if (canonicalJson(body) !== entry.canonical) return { seq: body.seq, reason: 'entry text is not canonical' };
    if (sha256Hex(entry.canonical) !== entry.hash) return { seq: body.seq, reason: 'hash does not match the entry text' };
    if (body.prevHash !== prevHash) return { seq: body.seq, reason: 'previous hash does not link to the entry before' };
    prevHash = entry.hash;
    expectedSeq++;
  }
  return null;
}
