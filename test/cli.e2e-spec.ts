import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coordinatorOf, seatedDelegates } from './support/factories';
import { startTestApp, TEST_KEYS, TestApp } from './support/test-app';

const CLI = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');

/** The operations CLI as `npm run council -- <args>` runs it (built by `npm test`), on the test database. */
describe('operations CLI (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gc-cli-'));
  let t: TestApp;

  const council = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        { env: { ...process.env, ...TEST_KEYS, NODE_ENV: 'test', DATABASE_URL: t.database.url, COUNCIL_DATA_DIR: dir, LOG_LEVEL: 'warn' } },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    t = await startTestApp();
    await seatedDelegates(t, await coordinatorOf(t, 'AT', await t.signIn()), 3, 'Exported');
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists its commands, describes each with --help, and refuses unknown commands and options with exit code 2', async () => {
    const help = await council(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['migrate', 'seed', 'seed:demo', 'create-admin', 'export', 'verify', 'backup', 'restore'])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const one = await council(['export', '--help']);
    expect(one).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: npm run council -- export \[--url/) });
    expect(await council(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command "frobnicate"/) });
    expect(await council(['migrate', '--force'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/takes no arguments, got '--force'/),
    });
    expect(await council(['create-admin'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--email must be an email address/) });
  });

  it('migrates (nothing pending) and prints backup commands for DATABASE_URL', async () => {
    expect(await council(['migrate'])).toMatchObject({ code: 0, stdout: 'No pending migrations.\n' });
    const backup = await council(['backup']);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('pg_dump --format=custom --dbname="$DATABASE_URL"');
  });

  it('creates another secretariat account whose one-time token activates it, once per email', async () => {
    const created = await council(['create-admin', '--email', 'Second.Secretariat@example.org', '--name', 'Second secretariat']);
    expect(created.code).toBe(0);
    const token = /activation token: (\S+)/.exec(created.stdout)![1];
    const activated = await t.gql('mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { me { email role } } }', {
      input: { token, password: 'a long secretariat passphrase' },
    });
    expect(activated.data?.activateAccount.me).toEqual({ email: 'second.secretariat@example.org', role: 'SECRETARIAT' });
    expect(await t.sql("SELECT 1 FROM ledger_entry WHERE kind = 'SECRETARIAT_ACCOUNT_CREATED'")).toHaveLength(2);

    expect(await council(['create-admin', '--email', 'second.secretariat@example.org'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/create-admin failed: An account with this email already exists/),
    });
  });

  it('exports the ledger and the public data, which the verifier accepts and which hold no personal data', async () => {
    const out = join(dir, 'export');
    const exported = await council(['export', '--url', `${t.url}/graphql`, '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Wrote \d+ ledger entries/);
    const lines = readFileSync(join(out, 'public.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.filter((l) => l.list === 'council')).toHaveLength(1);
    const austria = lines.find((l) => l.list === 'delegations' && l.item.countryCode === 'AT');
    expect(austria.item.seatedDelegateCount).toBe(3);
    // Constituents' and accounts' addresses exist in this database; none of them is public.
    expect(readFileSync(join(out, 'public.jsonl'), 'utf8')).not.toContain('@');

    const verified = await council(['verify', '--file', join(out, 'ledger.jsonl'), '--no-state']);
    expect(verified.code).toBe(0);
  }, 60_000);
});
