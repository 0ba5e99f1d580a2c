import { createHash } from 'node:crypto';
import { canonicalJson } from '@gc/ledger';

export interface RollEntry {
  delegateId: string;
  weight: number;
}

/**
 * SHA-256 (hex) of the roll's canonical JSON: `[[delegateId, weight], ...]` sorted by delegate id. Anyone
 * holding the roll can recompute it and compare with the VOTE_OPENED ledger entry.
 */
export function rollHash(roll: readonly RollEntry[]): string {
  const entries = [...roll].sort((a, b) => (a.delegateId < b.delegateId ? -1 : a.delegateId > b.delegateId ? 1 : 0));
  return createHash('sha256')
    .update(canonicalJson(entries.map((entry) => [entry.delegateId, entry.weight])), 'utf8')
    .digest('hex');
}
