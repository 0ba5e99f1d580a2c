import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson as serverCanonicalJson, merkleRoot, sealEntry } from '@gc/ledger';
import {
  checkpointBody as serverCheckpointBody,
  ed25519PrivateKeyFromSeed,
  rawPublicKey,
  signBody,
} from '../../../libs/ledger/src/verify/checkpoint-note';
import { canonicalJson, checkEntry, checkpointBody, Checkpoint, MerkleRoot, sha256Hex, verifySignature } from '../src/ledger/verify';

/**
 * The browser's ledger checks (WebCrypto) against the server's own code (node:crypto): same canonical text,
 * same Merkle roots, same checkpoint body, and signatures made by the server verify here. Node's WebCrypto
 * stands in for the browser's; test/web.e2e-spec.ts runs the same module in chromium.
 */
describe('the web client ledger verifier', () => {
  const councilId = '5e16dc1e-5fb6-4223-bde4-0c1f203c3684';

  it('writes canonical JSON exactly as the ledger does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let expected: string;
        try {
          expected = serverCanonicalJson(value);
        } catch {
          expect(() => canonicalJson(value)).toThrow();
          return;
        }
        expect(canonicalJson(value)).toBe(expected);
      }),
    );
  });

  it('computes the RFC 6962 root the server computes, for every size up to 70', async () => {
    const hashes = Array.from({ length: 70 }, () => randomBytes(32));
    for (let size = 0; size <= hashes.length; size++) {
      const tree = new MerkleRoot();
      for (const hash of hashes.slice(0, size)) await tree.add(hash.toString('hex'));
      expect([size, await tree.root()]).toEqual([size, merkleRoot(hashes.slice(0, size)).toString('hex')]);
    }
  });

  it('accepts the entries the server seals and names what is wrong with changed ones', async () => {
    const first = sealEntry({
      councilId,
      seq: 1,
      recordedAt: '2026-01-01T00:00:00.000Z',
      actor: 'system',
      kind: 'X',
      payload: { a: 1 },
      prevHash: '0'.repeat(64),
    });
    const second = sealEntry({
      councilId,
      seq: 2,
      recordedAt: '2026-01-01T00:00:01.000Z',
      actor: 'system',
      kind: 'Y',
      payload: { b: 'c' },
      prevHash: first.hash,
    });
    expect(await checkEntry({ seq: 1, ...first }, 1, '0'.repeat(64), councilId)).toBeNull();
    expect(await checkEntry({ seq: 2, ...second }, 2, first.hash, councilId)).toBeNull();
    expect(await sha256Hex(first.canonical)).toBe(first.hash);

    const edited = { seq: 2, hash: second.hash, canonical: second.canonical.replace('"c"', '"d"') };
    expect(await checkEntry(edited, 2, first.hash, councilId)).toBe('HASH_MISMATCH');
    expect(await checkEntry({ seq: 2, ...second }, 2, 'f'.repeat(64), councilId)).toBe('BROKEN_LINK');
    expect(await checkEntry({ seq: 2, ...second }, 3, first.hash, councilId)).toBe('WRONG_SEQUENCE');
    const spaced = { seq: 2, canonical: JSON.stringify(JSON.parse(second.canonical), null, 1), hash: '' };
    spaced.hash = await sha256Hex(spaced.canonical);
    expect(await checkEntry(spaced, 2, first.hash, councilId)).toBe('NOT_CANONICAL');
    expect(await checkEntry({ seq: 1, ...first }, 1, '0'.repeat(64), 'another-council')).toBe('OTHER_COUNCIL');
  });

  it('verifies the checkpoint signatures the server makes, and no other', async () => {
    const key = ed25519PrivateKeyFromSeed(randomBytes(32));
    const publicKey = rawPublicKey(key).toString('base64');
    const fields = { councilId, treeSize: 64, rootHash: randomBytes(32).toString('hex') };
    expect(checkpointBody(fields)).toBe(serverCheckpointBody({ origin: councilId, treeSize: 64, rootHash: fields.rootHash }));
    const checkpoint: Checkpoint = { ...fields, keyId: '', createdAt: '', note: '', signature: signBody(checkpointBody(fields), key) };
    expect(await verifySignature(checkpoint, publicKey)).toBe(true);
    expect(await verifySignature({ ...checkpoint, treeSize: 65 }, publicKey)).toBe(false);
    expect(await verifySignature(checkpoint, rawPublicKey(ed25519PrivateKeyFromSeed(randomBytes(32))).toString('base64'))).toBe(false);
  });
});
