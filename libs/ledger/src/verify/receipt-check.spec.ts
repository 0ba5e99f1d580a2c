import { randomBytes } from 'node:crypto';
import { merkleRoot } from '../merkle/merkle';
import { checkReceipt, receiptHash, voteClosedRoot } from './receipt-check';

describe('receipt check', () => {
  const tokens = Array.from({ length: 7 }, () => randomBytes(32).toString('base64url'));
  const bulletin = tokens.map(receiptHash).sort();
  const root = merkleRoot(bulletin.map((h) => Buffer.from(h, 'hex'))).toString('hex');

  it('accepts a counted receipt on a bulletin the ledger committed to', () => {
    expect(checkReceipt({ token: tokens[3], bulletin, ledgerRoot: root })).toEqual([]);
  });

  it('reports a receipt missing from the bulletin', () => {
    expect(checkReceipt({ token: 'not-a-real-receipt', bulletin, ledgerRoot: root })).toEqual([
      'your receipt is not on the bulletin: your ballot was not counted as cast',
    ]);
  });

  it('reports a bulletin that is not the one the ledger committed to (a ballot dropped, or one swapped)', () => {
    const dropped = bulletin.filter((h) => h !== receiptHash(tokens[0]));
    expect(checkReceipt({ token: tokens[3], bulletin: dropped, ledgerRoot: root })[0]).toMatch(/differs from the one in the ledger/);
    const reordered = [...bulletin].reverse();
    expect(checkReceipt({ token: tokens[3], bulletin: reordered, ledgerRoot: root })[0]).toMatch(/ascending/);
  });

  it('reports a vote the ledger has not closed', () => {
    expect(checkReceipt({ token: tokens[0], bulletin, ledgerRoot: null })).toHaveLength(1);
  });

  it('finds the receipt root only in the VOTE_CLOSED entry of that vote', () => {
    const entry = (kind: string, voteId: string) => ({
      seq: 1,
      hash: '',
      canonical: JSON.stringify({ kind, payload: { voteId, receiptRoot: root } }),
    });
    expect(voteClosedRoot(entry('VOTE_CLOSED', 'v1'), 'v1')).toBe(root);
    expect(voteClosedRoot(entry('VOTE_CLOSED', 'v2'), 'v1')).toBeNull();
    expect(voteClosedRoot(entry('VOTE_OPENED', 'v1'), 'v1')).toBeNull();
  });
});
