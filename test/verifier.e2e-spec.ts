import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { runVerifierCli } from '../apps/verifier/src/verifier-cli';
import { startTestApp, TestApp } from './support/test-app';

/** Runs the verifier command in-process, as `npm run verify -- <args>` would, and captures what it prints. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runVerifierCli(args, {
    stdout: { write: (text: string) => (out += text) },
    stderr: { isTTY: false, write: (text: string) => (err += text) },
  });
  return { code, out, err };
}

describe('the verifier command against a running server (e2e)', () => {
  let t: TestApp;
  let dir: string;
  let graphql: string;
  beforeAll(async () => {
    t = await startTestApp();
    graphql = `${t.url}/graphql`;
    dir = mkdtempSync(join(tmpdir(), 'gc-verify-'));
    const token = await t.signIn();
    expect((await t.gql('mutation { createLedgerCheckpoint { treeSize } }', {}, token)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes an intact ledger over HTTP, and remembers the checkpoint in the state file', async () => {
    const state = join(dir, 'state.json');
    const result = await run('verify', '--url', graphql, '--state', state);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^note: key [0-9a-f]{64} is trusted on first use/m);
    expect(result.out.trim().split('\n').pop()).toMatch(
      new RegExp(`^OK council ${t.councilId}: 30 entries, 1 checkpoints, hash chain intact`),
    );
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.councils[t.councilId]).toMatchObject({ treeSize: 30, origin: t.councilId });

    // The second run trusts the remembered key and checks consistency with the remembered checkpoint.
    const again = await run('verify', '--url', graphql, '--state', state);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/trusted on first use/);
  });

  it('pins a key the user supplies, and fails when the server signs with another', async () => {
    const { data } = await t.gql('{ ledgerPublicKey { publicKeyPem } }');
    const pinned = join(dir, 'council.pem');
    writeFileSync(pinned, data!.ledgerPublicKey.publicKeyPem);
    expect((await run('verify', '--url', graphql, '--no-state', '--key', pinned)).code).toBe(0);

    const other = join(dir, 'other.key');
    writeFileSync(other, Buffer.alloc(32, 1).toString('base64'));
    const wrong = await run('verify', '--url', graphql, '--no-state', '--key', other);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/^the source publishes key [0-9a-f]{64}, which is not a key you pinned$/m);
  });

  it('exports the ledger as JSON lines that verify offline', async () => {
    const file = join(dir, 'export.jsonl');
    const exported = await run('export', '--url', graphql, '--out', file);
    expect(exported).toMatchObject({ code: 0, out: `Wrote 30 entries and 1 checkpoints to ${file}\n` });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.type)).toEqual(['header', ...Array(30).fill('entry'), 'checkpoint']);
    expect(lines[0]).toMatchObject({ councilId: t.councilId, format: 'global-council-ledger-export', version: 1 });

    const offline = await run('verify', '--file', file, '--no-state');
    expect(offline.code).toBe(0);
    expect(offline.out.trim().split('\n').pop()).toMatch(/^OK council .*: 30 entries, 1 checkpoints/);
  });

  it('runs as the built command with worker threads, and finds a changed line in an export file', async () => {
    const main = join(__dirname, '..', 'dist', 'apps', 'verifier', 'src', 'main.js');
    expect(existsSync(main)).toBe(true); // npm test builds first
    const file = join(dir, 'export.jsonl');
    const intact = spawnSync(process.execPath, [main, 'verify', '--file', file, '--no-state', '--jobs', '2'], { encoding: 'utf8' });
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/^OK council /m);

    const tampered = join(dir, 'tampered.jsonl');
    writeFileSync(tampered, readFileSync(file, 'utf8').replace(/"kind":"DELEGATION_CREATED"/, '"kind":"DELEGATION_DISSOLVED"'));
    const caught = spawnSync(process.execPath, [main, 'verify', '--file', tampered, '--no-state', '--jobs', '2'], { encoding: 'utf8' });
    expect(caught.status).toBe(1);
    expect(caught.stdout).toMatch(/^seq 2: hash does not match the entry text$/m);
  });

  it('fails with the first bad sequence number once an entry is changed in the database', async () => {
    const state = join(dir, 'state.json');
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await client.query('ALTER TABLE ledger_entry DISABLE TRIGGER USER');
      await client.query('UPDATE ledger_entry SET canonical = replace(canonical, \'"kind":"\', \'"kind":"X\') WHERE seq = 12');
      await client.query('ALTER TABLE ledger_entry ENABLE TRIGGER USER');
    } finally {
      await client.end();
    }
    const before = readFileSync(state, 'utf8');
    const result = await run('verify', '--url', graphql, '--state', state);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^seq 12: hash does not match the entry text$/m);
    expect(result.out.trim().split('\n').pop()).toMatch(new RegExp(`^FAILED council ${t.councilId}: 1 problem`));
    // A failed run never replaces the checkpoint it trusted before.
    expect(readFileSync(state, 'utf8')).toBe(before);

    // The export taken before the change still verifies: mirrors keep the record.
    expect((await run('verify', '--file', join(dir, 'export.jsonl'), '--no-state')).code).toBe(0);
  });

  it('pages through a ledger longer than one page of entries', async () => {
    await t.app.get(Db).transaction(async () => {
      for (let i = 0; i < 1500; i++) await t.app.get(LedgerService).append(t.councilId, 'system', 'TEST_EVENT', { i });
    });
    const result = await run('verify', '--url', graphql, '--no-state');
    // Entry 12 was changed in the database by the test before; the 1,500 new entries are chained but unsigned.
    expect(result.out).toMatch(/^seq 12: hash does not match the entry text$/m);
    expect(result.out).toMatch(/^note: 1500 entries after the latest checkpoint \(30\) are chained but not yet signed$/m);
    expect(result.out.trim().split('\n').pop()).toMatch(/: 1 problem\(s\) \(1530 entries, 1 checkpoints\)$/);
  });

  it('exits with 2 and the usage when it cannot run', async () => {
    const usage = await run('verify', '--url', graphql, '--file', 'x.jsonl');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/give exactly one of --url and --file[\s\S]*Usage:/);
    const unreachable = await run('verify', '--url', 'http://127.0.0.1:1/graphql', '--no-state');
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/^verify could not run: /);
  });
});
