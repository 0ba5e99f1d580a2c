import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from './support/factories';
import { Pgbouncer, pgbouncerBinary, startPgbouncer } from './support/pgbouncer';
import { gqlAt, ServerProcess, startServerProcess } from './support/server-process';
import { subscribe } from './support/subscriptions';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp, TEST_KEYS, TestApp } from './support/test-app';
import {
  CAST,
  CLOSE_VOTE,
  markPresent,
  ok,
  OPEN_VOTE,
  PLACE_RESOLUTION,
  sessionInProgress,
  submittedResolution,
} from './support/voting-fixtures';

/**
 * Two server processes whose pools go through PgBouncer in transaction mode (three server connections for
 * everything), with LISTEN and the start-up lock on DATABASE_DIRECT_URL. Session state kept on a pooled connection
 * (a named prepared statement, a session advisory lock, LISTEN) would fail here or hang the second start.
 */
const binary = pgbouncerBinary();
const describeWithPgbouncer = binary ? describe : describe.skip;
if (!binary) process.stdout.write('pgbouncer.e2e-spec: skipped, pgbouncer is not installed (apt-get install -y pgbouncer)\n');

describeWithPgbouncer('PgBouncer in transaction mode in front of two instances (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gc-pgbouncer-app-'));
  let t: TestApp;
  let pooler: Pgbouncer;
  let a: ServerProcess;
  let b: ServerProcess;
  let delegates: SeatedDelegate[];
  let secretariat: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    delegates = await seatedDelegates(t, await coordinatorOf(t, 'SE', secretariat), 12, 'Pooled');
    pooler = await startPgbouncer(t.database.url);
    const env = {
      ...TEST_KEYS,
      NODE_ENV: 'test',
      DATABASE_URL: pooler.url(t.database.url),
      DATABASE_DIRECT_URL: t.database.url,
      COUNCIL_DATA_DIR: dataDir,
      COUNCIL_ADMIN_EMAIL: SECRETARIAT_EMAIL,
      COUNCIL_ADMIN_PASSWORD: SECRETARIAT_PASSWORD,
      VOTE_DEADLINE_SWEEP_SECONDS: '1',
      PETITION_EXPIRY_SWEEP_SECONDS: '1',
      LOG_LEVEL: 'warn',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await pooler?.stop();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves petitions, live progress and a vote of concurrent ballots through the pooler', async () => {
    const onA = gqlAt(a.graphqlUrl);
    const onB = gqlAt(b.graphqlUrl);
    const id = (
      await ok(
        onA(
          'mutation($input: OpenPetitionInput!) { openPetition(input: $input) { id } }',
          { input: { purpose: 'A special session through the pooler', proposedAgenda: ['Item'] } },
          delegates[0].token,
        ),
      )
    ).openPetition.id as string;
    const live = subscribe<{ petitionProgress: { validSignatures: number } }>(
      b.baseUrl,
      'subscription($id: ID!) { petitionProgress(petitionId: $id) { validSignatures } }',
      { id },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signed = await Promise.all(
      delegates
        .slice(0, 8)
        .map((d, i) => (i % 2 ? onA : onB)('mutation($id: ID!) { signPetition(petitionId: $id) { validSignatures } }', { id }, d.token)),
    );
    expect(signed.filter((r) => r.errors)).toEqual([]);
    let progress = await live.next();
    while (progress.petitionProgress.validSignatures < 8) progress = await live.next();
    expect(progress.petitionProgress.validSignatures).toBe(8);
    await live.close();

    const sessionId = await sessionInProgress(t, secretariat, 'Pooled session');
    await markPresent(t, sessionId, delegates);
    const resolutionId = await submittedResolution(t, delegates[0], delegates.slice(1, 3), 'Decided through the pooler');
    const { agendaItemId } = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId } }, secretariat)))
      .placeResolutionOnAgenda;
    const vote = (await ok(onA(OPEN_VOTE, { input: { agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } }, secretariat))).openVote;
    // Twelve voters, each casting three times over both instances: one ballot each is counted, the rest refused.
    const attempts = await Promise.all(
      [0, 1, 2].flatMap((round) =>
        delegates.map((d, i) => ((i + round) % 2 ? onA : onB)(CAST, { input: { voteId: vote.id, choice: i < 7 ? 'YES' : 'NO' } }, d.token)),
      ),
    );
    const refusals = attempts.flatMap((r) => (r.errors ?? []).map((e) => e.extensions.code));
    expect(refusals).toEqual(new Array(24).fill('ALREADY_VOTED'));
    const result = (await ok(onB(CLOSE_VOTE, { id: vote.id }, secretariat))).closeVote.result;
    expect(result).toMatchObject({ outcome: 'ADOPTED', yes: 7, no: 5, turnout: 12 });

    expect(pooler.log()).toContain(`db=${t.database.name}`);
  }, 120_000);

  it('releases the start-up lock: a third instance starts while the other two run', async () => {
    const c = await startServerProcess(
      {
        ...TEST_KEYS,
        NODE_ENV: 'test',
        DATABASE_URL: pooler.url(t.database.url),
        DATABASE_DIRECT_URL: t.database.url,
        COUNCIL_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      30_000,
    );
    expect((await gqlAt(c.graphqlUrl)('{ council { name } }')).data?.council.name).toMatch(/Global Council/);
    expect(await c.stop()).toBe(0);
  }, 60_000);
});
