import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import { Db } from '@gc/db';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { LedgerEntryBody, sealEntry } from '../entry/ledger-hash';
import { LedgerService } from '../entry/ledger.service';
import { checkpointBody, signBody } from './checkpoint-note';
import { GraphqlLedgerSource } from './graphql-source';
import { formatProblem, VerifierState, verifyLedger } from './verify-ledger';

/**
 * An operator with full database access tries to change the record behind the application's back.
 * Each attempt must be caught by the verifier core reading the server's public API.
 */
describe('tampering with the ledger in the database (integration, real PostgreSQL)', () => {
  let t: TestApp;
  let token: string;
  beforeEach(async () => {
    t = await startTestApp();
    token = await t.signIn();
  });
  afterEach(() => t.close());

  /** Runs SQL as the database superuser with the append-only triggers switched off, as a rogue operator could. */
  async function asOperator(
    work: (sql: (text: string, params?: unknown[]) => Promise<Record<string, any>[]>) => Promise<void>,
  ): Promise<void> {
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await client.query('ALTER TABLE ledger_entry DISABLE TRIGGER USER');
      await client.query('ALTER TABLE ledger_checkpoint DISABLE TRIGGER USER');
      await work(async (text, params) => (await client.query(text, params)).rows);
    } finally {
      await client.query('ALTER TABLE ledger_entry ENABLE TRIGGER USER');
      await client.query('ALTER TABLE ledger_checkpoint ENABLE TRIGGER USER');
      await client.end();
    }
  }

  const checkpoint = async () => {
    const result = await t.gql('mutation { createLedgerCheckpoint { treeSize rootHash signature keyId } }', {}, token);
    expect(result.errors).toBeUndefined();
    return result.data!.createLedgerCheckpoint as { treeSize: number; rootHash: string; signature: string; keyId: string };
  };
  const verify = async (state: VerifierState | null = null) =>
    verifyLedger(new GraphqlLedgerSource(`${t.url}/graphql`, t.councilId), { state });
  const problems = async (state: VerifierState | null = null) => (await verify(state)).problems.map(formatProblem);

  it('passes the untouched ledger', async () => {
    const signed = await checkpoint();
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(signed.treeSize);
  });

  it('catches one payload byte changed', async () => {
    await checkpoint();
    await asOperator(async (sql) => {
      const [row] = await sql('SELECT canonical FROM ledger_entry WHERE council_id = $1 AND seq = 7 AND canonical LIKE \'%"payload":{%\'', [
        t.councilId,
      ]);
      const at = row.canonical.indexOf('"payload":{') + '"payload":{'.length + 2;
      const changed = row.canonical.slice(0, at) + (row.canonical[at] === 'a' ? 'b' : 'a') + row.canonical.slice(at + 1);
      await sql('UPDATE ledger_entry SET canonical = $2 WHERE council_id = $1 AND seq = 7', [t.councilId, changed]);
    });
    expect(await problems()).toEqual(['seq 7: hash does not match the entry text']);
  });

  it('catches the last entry deleted, through the checkpoint that covered it', async () => {
    const signed = await checkpoint();
    await asOperator((sql) =>
      sql('DELETE FROM ledger_entry WHERE council_id = $1 AND seq = $2', [t.councilId, signed.treeSize]).then(() => undefined),
    );
    expect(await problems()).toEqual([
      `checkpoint ${signed.treeSize}: signed for ${signed.treeSize} entries, but the ledger has only ${signed.treeSize - 1}: entries were removed`,
    ]);
  });

  it('catches a middle entry deleted and the rest renumbered', async () => {
    const signed = await checkpoint();
    await asOperator(async (sql) => {
      await sql('DELETE FROM ledger_entry WHERE council_id = $1 AND seq = 10', [t.councilId]);
      // Through negative numbers, so that the primary key never sees two rows with one number.
      await sql('UPDATE ledger_entry SET seq = -seq WHERE council_id = $1 AND seq > 10', [t.councilId]);
      await sql('UPDATE ledger_entry SET seq = -seq - 1 WHERE council_id = $1 AND seq < 0', [t.councilId]);
    });
    expect(await problems()).toEqual([
      'seq 10: expected sequence 10, found 11',
      `checkpoint ${signed.treeSize}: signed for ${signed.treeSize} entries, but the ledger has only ${signed.treeSize - 1}: entries were removed`,
    ]);
  });

  it('catches two entries swapped', async () => {
    const signed = await checkpoint();
    await asOperator(async (sql) => {
      await sql('UPDATE ledger_entry SET seq = -5 WHERE council_id = $1 AND seq = 5', [t.councilId]);
      await sql('UPDATE ledger_entry SET seq = 5 WHERE council_id = $1 AND seq = 6', [t.councilId]);
      await sql('UPDATE ledger_entry SET seq = 6 WHERE council_id = $1 AND seq = -5', [t.councilId]);
    });
    expect(await problems()).toEqual([
      'seq 5: expected sequence 5, found 6',
      expect.stringMatching(new RegExp(`^checkpoint ${signed.treeSize}: the entries no longer give the signed root`)),
    ]);
  });

  it('catches a forged checkpoint signature', async () => {
    const signed = await checkpoint();
    const forger = generateKeyPairSync('ed25519').privateKey;
    const forged = signBody(checkpointBody({ origin: t.councilId, treeSize: signed.treeSize, rootHash: signed.rootHash }), forger);
    await asOperator((sql) =>
      sql('UPDATE ledger_checkpoint SET signature = $3 WHERE council_id = $1 AND tree_size = $2', [
        t.councilId,
        signed.treeSize,
        forged,
      ]).then(() => undefined),
    );
    expect(await problems()).toEqual([`checkpoint ${signed.treeSize}: the signature does not verify: forged or altered checkpoint`]);
  });

  it('catches a rewrite with every hash recomputed and the checkpoints re-signed, but only for whoever kept an earlier checkpoint', async () => {
    const seen = await checkpoint();
    const firstRun = await verify();
    expect(firstRun.problems).toEqual([]);
    const state = firstRun.nextState!;
    expect(state.treeSize).toBe(seen.treeSize);

    // The operator edits entry 5, re-seals every entry after it so the chain links again, drops the old checkpoints,
    // and lets the server, which holds the real key, sign the rewritten ledger.
    await asOperator(async (sql) => {
      const rows = await sql('SELECT seq, canonical FROM ledger_entry WHERE council_id = $1 ORDER BY seq', [t.councilId]);
      let prevHash: string | null = null;
      for (const row of rows) {
        const body = JSON.parse(row.canonical) as LedgerEntryBody;
        if (Number(row.seq) < 5) continue;
        if (Number(row.seq) === 5) body.payload = { ...(body.payload as object), rewritten: true };
        const sealed = sealEntry({ ...body, prevHash: prevHash ?? body.prevHash });
        await sql('UPDATE ledger_entry SET canonical = $3, hash = $4, prev_hash = $5 WHERE council_id = $1 AND seq = $2', [
          t.councilId,
          row.seq,
          sealed.canonical,
          sealed.hash,
          prevHash ?? body.prevHash,
        ]);
        prevHash = sealed.hash;
      }
      await sql('DELETE FROM ledger_checkpoint WHERE council_id = $1', [t.councilId]);
    });
    const resigned = await checkpoint();
    expect(resigned.treeSize).toBe(seen.treeSize);
    expect(resigned.rootHash).not.toBe(seen.rootHash);
    // Business goes on: one more entry, one more signed checkpoint.
    await t.app.get(Db).transaction(() => t.app.get(LedgerService).append(t.councilId, 'system', 'TEST_EVENT', { after: 'rewrite' }));
    const grown = await checkpoint();
    expect(grown.treeSize).toBe(seen.treeSize + 1);

    // Someone who never saw the earlier checkpoint finds a consistent, correctly signed ledger: the limit of the design.
    const fresh = await verify();
    expect(fresh.problems).toEqual([]);

    // Someone who kept it sees the rewrite, both by recomputing the old root and by the server's own consistency proof.
    expect(await problems(state)).toEqual([
      expect.stringMatching(
        new RegExp(`^entries 1\\.\\.${seen.treeSize} no longer give the checkpoint you saw before .*: history was rewritten$`),
      ),
      expect.stringMatching(new RegExp(`^checkpoint ${seen.treeSize}: now signed with root .*: two signed histories`)),
      expect.stringMatching(new RegExp(`^the server's consistency proof from size ${seen.treeSize} to ${grown.treeSize} does not verify`)),
    ]);
  });
});
