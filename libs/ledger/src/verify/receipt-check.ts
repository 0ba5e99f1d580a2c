import { createHash } from 'node:crypto';
import { merkleRoot } from '../merkle/merkle';
import { EntryRecord } from './entry-stream-checker';
import { LedgerSource } from './verify-ledger';

/** SHA-256 of the receipt token's UTF-8 text, hex: what a vote's bulletin lists. */
export const receiptHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export interface ReceiptCheckInput {
  token: string;
  /** The vote's public bulletin: every counted ballot's receipt hash, in the published (ascending) order. */
  bulletin: readonly string[];
  /** `receiptRoot` of the vote's VOTE_CLOSED entry in the verified ledger; null when the ledger has none. */
  ledgerRoot: string | null;
}

/**
 * Recorded-as-cast for one voter: the receipt is on the bulletin, and the bulletin is the one the
 * ledger committed to when the vote closed (same RFC 6962 root). Returns one line per problem.
 */
export function checkReceipt({ token, bulletin, ledgerRoot }: ReceiptCheckInput): string[] {
  const problems: string[] = [];
  if (ledgerRoot === null) return ['the ledger has no VOTE_CLOSED entry for this vote: it is not closed, or the entry is missing'];
  for (let i = 1; i < bulletin.length; i++) {
    if (!(bulletin[i - 1] < bulletin[i])) {
      problems.push(`the bulletin is not in strictly ascending order at position ${i + 1}`);
      break;
    }
  }
  const root = merkleRoot(bulletin.map((hash) => Buffer.from(hash, 'hex'))).toString('hex');
  if (root !== ledgerRoot) problems.push(`the bulletin's Merkle root ${root} differs from the one in the ledger, ${ledgerRoot}`);
  if (!bulletin.includes(receiptHash(token))) problems.push('your receipt is not on the bulletin: your ballot was not counted as cast');
  return problems;
}

/** A source that hands every entry it yields to `see`, so a check can use exactly the entries that were verified. */
export function watchEntries(source: LedgerSource, see: (entry: EntryRecord) => void): LedgerSource {
  return {
    label: source.label,
    councilId: () => source.councilId(),
    publicKey: () => source.publicKey(),
    checkpoints: () => source.checkpoints(),
    consistencyProof: source.consistencyProof?.bind(source),
    async *entries() {
      for await (const batch of source.entries()) {
        for (const entry of batch) see(entry);
        yield batch;
      }
    },
  };
}

/** The receipt root a VOTE_CLOSED entry of this vote committed to, or null when the entry is something else. */
export function voteClosedRoot(entry: EntryRecord, voteId: string): string | null {
  const body = (entry.body ?? JSON.parse(entry.canonical)) as { kind?: string; payload?: { voteId?: string; receiptRoot?: string } };
  return body.kind === 'VOTE_CLOSED' && body.payload?.voteId === voteId && typeof body.payload.receiptRoot === 'string'
    ? body.payload.receiptRoot
    : null;
}
