import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { totpCode } from '@gc/auth';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from './support/factories';
import { Gql, gqlAt, ServerProcess, startServerProcess } from './support/server-process';
import { subscribe } from './support/subscriptions';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp, TEST_KEYS, TestApp } from './support/test-app';
import { LOGIN, VERIFY_SECOND_FACTOR } from './support/two-factor';
import { CAST, markPresent, ok, OPEN_VOTE, PLACE_RESOLUTION, sessionInProgress, submittedResolution } from './support/voting-fixtures';

/**
 * Two real server processes (`node dist/apps/api/src/main.js`) on one database, with their sweeps running every
 * second, as two instances behind a load balancer would. The jest process builds the fixtures through its own
 * app on the same database (its sweeps are off), then talks to the two servers over HTTP and WebSocket only.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns true, or fails after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(200);
  }
}

const OPEN_PETITION = 'mutation($input: OpenPetitionInput!) { openPetition(input: $input) { id } }';
const SIGN = 'mutation($id: ID!) { signPetition(petitionId: $id) { validSignatures } }';
const PETITION_PROGRESS = 'subscription($id: ID!) { petitionProgress(petitionId: $id) { validSignatures seated } }';
const VOTE_TALLY = 'subscription($id: ID!) { voteTally(voteId: $id) { status turnout yes } }';
/** Seconds between sweeps in both servers. */
const SWEEP_SECONDS = '1';

describe('two server processes on one database (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gc-instances-'));
  let t: TestApp;
  let a: ServerProcess;
  let b: ServerProcess;
  let onA: Gql;
  let onB: Gql;
  let secretariat: string;
  let delegates: SeatedDelegate[];

  const serverEnv = (): Record<string, string> => ({
    ...TEST_KEYS,
    NODE_ENV: 'test',
    DATABASE_URL: t.database.url,
    DATABASE_DIRECT_URL: '',
    COUNCIL_DATA_DIR: dataDir,
    COUNCIL_ADMIN_EMAIL: SECRETARIAT_EMAIL,
    COUNCIL_ADMIN_PASSWORD: SECRETARIAT_PASSWORD,
    VOTE_DEADLINE_SWEEP_SECONDS: SWEEP_SECONDS,
    PETITION_EXPIRY_SWEEP_SECONDS: SWEEP_SECONDS,
    MANDATE_EXPIRY_SWEEP_SECONDS: SWEEP_SECONDS,
    METRICS_ENABLED: 'true',
    LOG_LEVEL: 'warn',
  });
  const ledgerEntries = async (kind: string, id: string) =>
    (await t.sql<{ canonical: string }>('SELECT canonical FROM ledger_entry WHERE kind = $1', [kind])).filter((e) =>
      e.canonical.includes(id),
    );

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    delegates = await seatedDelegates(t, await coordinatorOf(t, 'DE', secretariat), 5, 'Multi');
    // Started together: the start-up lock lets one of them migrate and seed while the other waits.
    [a, b] = await Promise.all([startServerProcess(serverEnv()), startServerProcess(serverEnv())]);
    onA = gqlAt(a.graphqlUrl);
    onB = gqlAt(b.graphqlUrl);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts on B the session and tokens that A issued, and a logout on A ends them on B', async () => {
    const login = (await ok(onA(LOGIN, { input: { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD } }))).login;
    expect(login.__typename).toBe('SecondFactorChallenge');
    // The harness's own sign-in used this 30-second step's code already; the replay guard would refuse it again.
    await t.sql('UPDATE second_factor SET last_used_step = NULL WHERE user_id = (SELECT id FROM user_account WHERE email = $1)', [
      SECRETARIAT_EMAIL,
    ]);
    const code = totpCode(t.secondFactorSecrets.get(SECRETARIAT_EMAIL)!);
    const tokens = (await ok(onA(VERIFY_SECOND_FACTOR, { input: { challengeToken: login.challengeToken, code } }))).verifySecondFactor;

    expect((await ok(onB('{ me { email role } }', {}, tokens.accessToken))).me).toEqual({ email: SECRETARIAT_EMAIL, role: 'SECRETARIAT' });
    const renewed = (
      await ok(
        onB('mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }', {
          input: { refreshToken: tokens.refreshToken },
        }),
      )
    ).refreshSession;
    expect((await ok(onA('{ me { email } }', {}, renewed.accessToken))).me.email).toBe(SECRETARIAT_EMAIL);

    expect((await ok(onA('mutation { logout }', {}, renewed.accessToken))).logout).toBe(true);
    expect((await onB('{ me { email } }', {}, renewed.accessToken)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('delivers petition progress on A for a signature on B, and both sweeps record its expiry exactly once', async () => {
    const id = (
      await ok(
        onA(
          OPEN_PETITION,
          { input: { purpose: 'A special session on the two-instance test', proposedAgenda: ['Item'] } },
          delegates[0].token,
        ),
      )
    ).openPetition.id as string;
    const live = subscribe<{ petitionProgress: { validSignatures: number; seated: number } }>(a.baseUrl, PETITION_PROGRESS, { id });
    await sleep(500);
    expect((await ok(onB(SIGN, { id }, delegates[1].token))).signPetition.validSignatures).toBe(1);
    expect((await live.next()).petitionProgress).toEqual({ validSignatures: 1, seated: 5 });
    await live.close();

    await t.sql("UPDATE petition SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    await eventually(async () => (await t.sql('SELECT status FROM petition WHERE id = $1', [id]))[0].status === 'EXPIRED');
    // Several more sweeps of each server pass over it.
    await sleep(3000);
    expect(await ledgerEntries('PETITION_EXPIRED', id)).toHaveLength(1);
  }, 60_000);

  it('delivers the live tally on A for ballots cast on B, and both sweeps close the vote at its deadline exactly once', async () => {
    const sessionId = await sessionInProgress(t, secretariat, 'Two-instance session');
    await markPresent(t, sessionId, delegates);
    const resolutionId = await submittedResolution(t, delegates[0], delegates.slice(1, 3), 'Decided on two instances');
    const { agendaItemId } = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId } }, secretariat)))
      .placeResolutionOnAgenda;
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const vote = (await ok(onA(OPEN_VOTE, { input: { agendaItemId, rule: 'SIMPLE', secrecy: 'ROLL_CALL', deadline } }, secretariat)))
      .openVote;

    const live = subscribe<{ voteTally: { status: string; turnout: number; yes: number | null } }>(a.baseUrl, VOTE_TALLY, { id: vote.id });
    await sleep(500);
    for (const d of delegates.slice(0, 3)) await ok(onB(CAST, { input: { voteId: vote.id, choice: 'YES' } }, d.token));
    let message = await live.next();
    while (message.voteTally.turnout < 3) message = await live.next();
    expect(message.voteTally).toEqual({ status: 'OPEN', turnout: 3, yes: 3 });

    await t.sql("UPDATE vote SET deadline = now() - interval '1 second' WHERE id = $1", [vote.id]);
    while (message.voteTally.status !== 'CLOSED') message = await live.next();
    expect(message.voteTally).toEqual({ status: 'CLOSED', turnout: 3, yes: 3 });
    await live.close();
    await sleep(3000);
    const closes = await ledgerEntries('VOTE_CLOSED', vote.id);
    expect(closes).toHaveLength(1);
    expect(JSON.parse(closes[0].canonical).payload).toMatchObject({ closedBy: 'DEADLINE', outcome: 'ADOPTED', counts: { yes: 3 } });

    // B counted the three ballots; its metrics say so, and name operations only, never their arguments.
    const metrics = await (await fetch(`${b.baseUrl}/metrics`)).text();
    expect(metrics).toContain('gc_ballots_cast_total 3');
    expect(metrics).toContain('gc_graphql_requests_total{operation="castBallot",type="mutation",outcome="ok"} 3');
    expect(metrics).toMatch(/gc_db_pool_connections\{state="open"\} [1-9]/);
    expect(metrics).not.toContain(vote.id);
  }, 90_000);

  it('on SIGTERM refuses new connections, finishes the request in flight, closes subscriptions with 1001, and exits 0', async () => {
    const closeCodes: number[] = [];
    const ws = createClient({
      url: `${b.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      // The close is the expected outcome here, asserted below, not an error to print.
      onNonLazyError: () => undefined,
      on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
    });
    ws.subscribe(
      { query: PETITION_PROGRESS, variables: { id: '00000000-0000-4000-8000-000000000000' } },
      {
        next: () => undefined,
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await sleep(500);

    // A request held up by a lock, as a slow one would be.
    const locker = new Client({ connectionString: t.database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE council IN ACCESS EXCLUSIVE MODE');
    const inFlight = onB('{ council { name } }');
    await sleep(500);

    const exited = b.stop();
    await sleep(500);
    await expect(fetch(`${b.baseUrl}/health`)).rejects.toThrow();
    expect(closeCodes).toEqual([1001]);

    await locker.query('COMMIT');
    await locker.end();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.data?.council.name).toMatch(/Global Council/);
    expect(await exited).toBe(0);
    await ws.dispose();
  }, 60_000);
});
