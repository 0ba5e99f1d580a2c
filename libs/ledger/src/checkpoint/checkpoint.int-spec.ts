import { Db } from '@gc/db';
import { codes, startTestApp, TestApp } from '../../../../test/support/test-app';
import { LedgerService } from '../entry/ledger.service';
import { merkleRoot, verifyConsistency, verifyInclusion, leafHash } from '../merkle/merkle';
import { checkpointBody, parsePublicKey, verifyCheckpointSignature } from '../verify/checkpoint-note';
import { CheckpointReason } from './checkpoint-reason';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { CheckpointService } from './checkpoint.service';

const CHECKPOINT_FIELDS = 'councilId treeSize rootHash body signature keyId note reason createdAt';
const CREATE = `mutation { createLedgerCheckpoint { ${CHECKPOINT_FIELDS} } }`;
const hex = (h: string) => Buffer.from(h, 'hex');

describe('ledger checkpoints and proofs (integration, real PostgreSQL)', () => {
  let t: TestApp;
  let db: Db;
  let ledger: LedgerService;
  let checkpoints: CheckpointService;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    ledger = t.app.get(LedgerService);
    checkpoints = t.app.get(CheckpointService);
    token = await t.signIn();
  });
  afterAll(() => t.close());

  const entryHashes = async () =>
    (await db.rows<{ hash: string }>('SELECT hash FROM ledger_entry WHERE council_id = $1 ORDER BY seq', [t.councilId])).map((r) =>
      hex(r.hash),
    );
  const append = (n: number) =>
    db.transaction(async () => {
      for (let i = 0; i < n; i++) await ledger.append(t.councilId, 'system', 'TEST_EVENT', { i });
    });
  const rowCount = async (size: number) =>
    (
      await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM ledger_checkpoint WHERE council_id = $1 AND tree_size = $2', [
        t.councilId,
        size,
      ])
    )[0].n;

  it('lets the secretariat sign a checkpoint of the whole ledger that verifies with the published key', async () => {
    const result = await t.gql(CREATE, {}, token);
    expect(result.errors).toBeUndefined();
    const checkpoint = result.data!.createLedgerCheckpoint;
    const hashes = await entryHashes();
    expect(checkpoint).toMatchObject({ councilId: t.councilId, treeSize: hashes.length, reason: 'REQUESTED' });
    expect(checkpoint.rootHash).toBe(merkleRoot(hashes).toString('hex'));
    expect(checkpoint.body).toBe(checkpointBody({ origin: t.councilId, treeSize: hashes.length, rootHash: checkpoint.rootHash }));
    expect(checkpoint.note.startsWith(`${checkpoint.body}\n\u2014 global-council-ledger `)).toBe(true);
    expect(checkpoint.note.slice(checkpoint.body.length)).toMatch(/^\n\u2014 global-council-ledger [A-Za-z0-9+/]{91}=\n$/);

    const { data } = await t.gql('{ ledgerPublicKey { algorithm keyId publicKey publicKeyPem noteVerifierKey } }');
    expect(data!.ledgerPublicKey).toMatchObject({ algorithm: 'Ed25519', keyId: checkpoint.keyId });
    for (const form of ['publicKey', 'publicKeyPem', 'noteVerifierKey']) {
      expect(
        verifyCheckpointSignature(
          { origin: t.councilId, ...checkpoint },
          checkpoint.signature,
          parsePublicKey(data!.ledgerPublicKey[form]),
        ),
      ).toBe(true);
    }
  });

  it('refuses the mutation to anyone but the secretariat', async () => {
    expect(codes(await t.gql(CREATE))).toEqual(['UNAUTHENTICATED']);
  });

  it('returns the existing checkpoint when nothing was appended, and signs one row per size under concurrency', async () => {
    const again = (await t.gql(CREATE, {}, token)).data!.createLedgerCheckpoint;
    const size = again.treeSize;
    expect(await rowCount(size)).toBe(1);

    await append(1);
    const signed = await Promise.all(Array.from({ length: 6 }, () => checkpoints.checkpoint(t.councilId, CheckpointReason.SCHEDULED)));
    expect(new Set(signed.map((c) => `${c.treeSize}:${c.signature}`)).size).toBe(1);
    expect(Number(signed[0].treeSize)).toBe(size + 1);
    expect(await rowCount(size + 1)).toBe(1);
  });

  it('signs at commit a checkpoint that covers the entries of the transaction, and rolls back with them', async () => {
    const before = (await entryHashes()).length;
    await expect(
      db.transaction(async () => {
        await ledger.append(t.councilId, 'system', 'VOTE_CLOSED', { tally: 'doomed' });
        checkpoints.checkpointAtCommit(t.councilId, CheckpointReason.VOTE_CLOSED);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await rowCount(before + 1)).toBe(0);

    // Asked for before the append, and twice: still one checkpoint, after the transaction's entries are written.
    await db.transaction(async () => {
      checkpoints.checkpointAtCommit(t.councilId, CheckpointReason.VOTE_CLOSED);
      await ledger.append(t.councilId, 'system', 'VOTE_CLOSED', { tally: 'kept' });
      await ledger.append(t.councilId, 'system', 'TEST_EVENT', { after: 'tally' });
      checkpoints.checkpointAtCommit(t.councilId, CheckpointReason.PETITION_THRESHOLD);
    });
    const latest = (await t.gql(`{ ledgerCheckpoint(councilId: "${t.councilId}") { treeSize rootHash reason } }`)).data!.ledgerCheckpoint;
    expect(latest).toEqual({ treeSize: before + 2, rootHash: merkleRoot(await entryHashes()).toString('hex'), reason: 'VOTE_CLOSED' });
    expect(await rowCount(before + 1)).toBe(0);
  });

  it('refuses to queue a checkpoint outside a transaction', () => {
    expect(() => checkpoints.checkpointAtCommit(t.councilId, CheckpointReason.VOTE_CLOSED)).toThrow(/inside Db.transaction/);
  });

  it('signs on schedule only for ledgers that grew since their latest checkpoint', async () => {
    expect(await checkpoints.checkpointAllBehind(CheckpointReason.SCHEDULED)).toBe(0);
    await append(2);
    expect(await checkpoints.checkpointAllBehind(CheckpointReason.SCHEDULED)).toBe(1);
    expect(await checkpoints.checkpointAllBehind(CheckpointReason.SCHEDULED)).toBe(0);
    const latest = (await t.gql(`{ ledgerCheckpoint(councilId: "${t.councilId}") { treeSize reason } }`)).data!.ledgerCheckpoint;
    expect(latest).toEqual({ treeSize: (await entryHashes()).length, reason: 'SCHEDULED' });
    // The test configuration sets no interval, so no timer runs behind these assertions.
    expect(t.app.get(CheckpointScheduler).started).toBe(false);
  });

  it.each([
    ['UPDATE', "UPDATE ledger_checkpoint SET reason = 'FORGED'"],
    ['DELETE', 'DELETE FROM ledger_checkpoint'],
    ['TRUNCATE', 'TRUNCATE ledger_checkpoint'],
  ])('refuses %s of checkpoints in the database itself', async (_, sql) => {
    await expect(db.rows(sql)).rejects.toThrow(/ledger checkpoints are append-only/);
  });

  it('lists checkpoints newest first, and finds one by size', async () => {
    const { data } = await t.gql(`{ ledgerCheckpoints(councilId: "${t.councilId}", limit: 2) { totalCount items { treeSize } } }`);
    const sizes = (await db.rows<{ tree_size: string }>('SELECT tree_size FROM ledger_checkpoint ORDER BY tree_size DESC')).map((r) =>
      Number(r.tree_size),
    );
    expect(data!.ledgerCheckpoints).toEqual({ totalCount: sizes.length, items: sizes.slice(0, 2).map((treeSize) => ({ treeSize })) });
    const older = await t.gql(`{ ledgerCheckpoint(councilId: "${t.councilId}", treeSize: ${sizes[1]}) { treeSize } }`);
    expect(older.data!.ledgerCheckpoint.treeSize).toBe(sizes[1]);
  });

  it('serves inclusion and consistency proofs, over enough entries to use remembered subtrees, that verify', async () => {
    await append(700);
    const hashes = await entryHashes();
    const size = hashes.length;
    const root = merkleRoot(hashes);
    const fromSize = 300;
    const proofs = async () => {
      for (const seq of [1, 2, 256, 257, 512, 600, size]) {
        const { data, errors } = await t.gql(
          `{ ledgerInclusionProof(councilId: "${t.councilId}", seq: ${seq}, treeSize: ${size}) { seq treeSize entryHash rootHash path } }`,
        );
        expect(errors).toBeUndefined();
        const proof = data!.ledgerInclusionProof;
        expect(proof.entryHash).toBe(hashes[seq - 1].toString('hex'));
        expect(proof.rootHash).toBe(root.toString('hex'));
        expect(verifyInclusion(seq - 1, size, leafHash(hashes[seq - 1]), proof.path.map(hex), root)).toBe(true);
      }
      const { data } = await t.gql(
        `{ ledgerConsistencyProof(councilId: "${t.councilId}", fromSize: ${fromSize}, toSize: ${size}) { fromRoot toRoot path } }`,
      );
      const proof = data!.ledgerConsistencyProof;
      expect(proof.fromRoot).toBe(merkleRoot(hashes.slice(0, fromSize)).toString('hex'));
      expect(verifyConsistency(fromSize, size, hex(proof.fromRoot), root, proof.path.map(hex))).toBe(true);
    };
    await proofs();
    // The second round is served from remembered subtrees; it must give the same, verifying answers.
    await proofs();
  });

  it.each([
    ['ledgerInclusionProof(councilId: "$C", seq: 0, treeSize: 3) { seq }', 'BAD_USER_INPUT', 'seq'],
    ['ledgerInclusionProof(councilId: "$C", seq: 5, treeSize: 3) { seq }', 'BAD_USER_INPUT', 'treeSize'],
    ['ledgerInclusionProof(councilId: "$C", seq: 1, treeSize: 99999) { seq }', 'BAD_USER_INPUT', 'treeSize'],
    ['ledgerConsistencyProof(councilId: "$C", fromSize: 4, toSize: 3) { path }', 'BAD_USER_INPUT', 'toSize'],
    ['ledgerConsistencyProof(councilId: "$C", fromSize: 0, toSize: 3) { path }', 'BAD_USER_INPUT', 'fromSize'],
    ['ledgerConsistencyProof(councilId: "$C", fromSize: 1, toSize: 99999) { path }', 'BAD_USER_INPUT', 'toSize'],
    ['ledgerConsistencyProof(councilId: "$U", fromSize: 1, toSize: 2) { path }', 'NOT_FOUND', 'councilId'],
    ['ledgerCheckpoint(councilId: "$C", treeSize: 5) { treeSize }', 'NOT_FOUND', 'treeSize'],
    ['ledgerCheckpoint(councilId: "$U") { treeSize }', 'NOT_FOUND', 'councilId'],
    ['ledgerCheckpoint(councilId: "not-a-uuid") { treeSize }', 'BAD_USER_INPUT', 'councilId'],
  ])('answers %s with %s on %s', async (query, code, field) => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const result = await t.gql(`{ ${query.replace('$C', t.councilId).replace('$U', unknown)} }`);
    expect(result.errors![0].extensions).toEqual({ code, field });
  });
});

describe('scheduled checkpoints (integration)', () => {
  it('start with the application when an interval is configured', async () => {
    const t = await startTestApp({ LEDGER_CHECKPOINT_INTERVAL_SECONDS: '3600' });
    try {
      expect(t.app.get(CheckpointScheduler).started).toBe(true);
    } finally {
      await t.close();
    }
  });
});
