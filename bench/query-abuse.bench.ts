import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@gc/db';

/**
 * `npm run bench:query-abuse` (also the last step of `npm run bench`): the API server's memory under an alias
 * flood. The built server runs in its own process (production mode) on an embedded PostgreSQL; this process
 * sends many concurrent requests, each with thousands of aliases, and samples the server's resident memory
 * from /proc. An ordinary query load of the same concurrency is the baseline. Not a test: it writes its
 * section of bench/RESULTS.md and ends with one line of JSON.
 */

const CONCURRENCY = 64;
const SAMPLE_MS = 20;

const BENCH_DIR = __dirname.includes(join('dist', 'bench')) ? join(__dirname, '..', '..', 'bench') : __dirname;
const ROOT = join(BENCH_DIR, '..');

type Result = Record<string, string | number>;
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mib = (kib: number) => round(kib / 1024);

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

/** VmRSS (now) and VmHWM (the peak since start, or since the last reset) of a process, in KiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs), so that each scenario has its own peak. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server.on('exit', (code, signal) => log(`the API server exited (code ${code}, signal ${signal})`));
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

/** Sends `body` `requests` times over CONCURRENCY keep-alive connections; latencies and answers. */
async function load(
  port: number,
  body: string,
  requests: number,
): Promise<{ ms: number[]; statuses: Map<string, number>; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const statuses = new Map<string, number>();
  const ms: number[] = [];
  let sent = 0;
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const one = () =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            ms.push(Number(process.hrtime.bigint() - started) / 1e6);
            let code = 'none';
            try {
              code = JSON.parse(Buffer.concat(chunks).toString('utf8')).errors?.[0]?.extensions?.code ?? 'ok';
            } catch {
              code = 'not JSON';
            }
            count(`${res.statusCode} ${code}`);
            resolve();
          });
        },
      );
      // A refused request may lose its socket (the server closing a keep-alive connection, for one): counted, not fatal.
      req.on('error', (error: NodeJS.ErrnoException) => {
        count(`socket ${error.code ?? error.message}`);
        resolve();
      });
      req.end(body);
    });
  const worker = async () => {
    while (sent < requests) {
      sent++;
      await one();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return { ms: ms.sort((a, b) => a - b), statuses, seconds: (Date.now() - started) / 1000 };
}

/** Runs one scenario while sampling the server's memory. */
async function scenario(name: string, server: ChildProcess, port: number, query: string, requests: number): Promise<Result> {
  const pid = server.pid!;
  const body = JSON.stringify({ query });
  resetPeak(pid);
  const before = memoryOf(pid);
  let sampledPeak = before.rss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, memoryOf(pid).rss);
  }, SAMPLE_MS);
  const run = await load(port, body, requests).finally(() => clearInterval(sampler));
  const after = memoryOf(pid);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const settled = memoryOf(pid);
  const result: Result = {
    scenario: name,
    requests,
    concurrency: CONCURRENCY,
    bodyKiB: round(Buffer.byteLength(body) / 1024),
    answers: [...run.statuses].map(([k, v]) => `${v} x ${k}`).join('; '),
    requestsPerSecond: Math.round(requests / run.seconds),
    p50ms: round(percentile(run.ms, 50)),
    p99ms: round(percentile(run.ms, 99)),
    rssBeforeMiB: mib(before.rss),
    rssPeakMiB: mib(Math.max(after.peak, sampledPeak)),
    rssAfterMiB: mib(after.rss),
    rssTwoSecondsLaterMiB: mib(settled.rss),
  };
  log(JSON.stringify(result));
  return result;
}

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: council { id name }`).join(' ')} }`;

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
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB total`,
    `- OS: ${platform()} ${release()}; Node.js ${process.version}; embedded PostgreSQL, default settings`,
    `- Commit: ${commit} (plus uncommitted changes, if any); run at ${new Date().toISOString()}`,
  ].join('\n');
}

const SECTION_START = '<!-- query-abuse bench: start -->';
const SECTION_END = '<!-- query-abuse bench: end -->';

/** Replaces this bench's section of bench/RESULTS.md, or appends it; the other benches own the rest. */
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
    `${SECTION_START}\n\n# Query abuse benchmark results\n\n` +
    'Written by `npm run bench:query-abuse` (bench/query-abuse.bench.ts), also the last step of `npm run bench`. ' +
    'Not a test: figures vary with the machine and its load.\n\n' +
    `## Machine\n\n${machine()}\n\n## Figures\n\n${figures}\n\n` +
    `Summary line: \`${JSON.stringify(summary)}\`\n\n` +
    '## How to read them\n\n' +
    `- The built API server runs alone in its own process (NODE_ENV=production). ${CONCURRENCY} keep-alive connections send ` +
    'the number of requests shown, each as soon as the previous one on its connection answered.\n' +
    "- _rss_: the server process's resident memory from /proc (VmRSS); the peak is VmHWM, reset before each scenario, and " +
    `samples every ${SAMPLE_MS} ms, whichever is higher. "Two seconds later" shows whether memory is given back or kept.\n` +
    '- _answers_: HTTP status and the first error code of every answer. An alias flood must be refused before execution: ' +
    'the parser stops at 2,000 tokens (GRAPHQL_PARSE_FAILED), so a document with thousands of aliases is never fully parsed, ' +
    'let alone validated or executed; 16 aliases within the token limit are refused by the alias limit (15) at validation.\n' +
    '- The baseline is an ordinary small query at the same concurrency: the difference is what the flood costs.\n\n' +
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
  const pgDir = mkdtempSync(join(tmpdir(), 'gc-bench-abuse-pg-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'gc-bench-abuse-data-'));
  const embedded = await startEmbeddedPostgres({
    dir: pgDir,
    port: 59000 + Math.floor(Math.random() * 500),
    database: 'council_bench',
    persistent: false,
  });
  const port = await freePort();
  let server: ChildProcess | null = null;
  try {
    server = await startServer(
      {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(48).toString('base64'),
        COUNCIL_DATA_KEY: randomBytes(32).toString('base64'),
        COUNCIL_LEDGER_KEY: randomBytes(32).toString('base64'),
        COUNCIL_ADMIN_PASSWORD: randomBytes(18).toString('base64'),
        DATABASE_URL: embedded.url,
        COUNCIL_DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        LEDGER_CHECKPOINT_INTERVAL_SECONDS: '0',
      },
      port,
    );
    // Warm-up, so that the baseline does not pay for the first requests' compilation.
    await load(port, JSON.stringify({ query: '{ council { id name } }' }), 500);
    const results = [
      await scenario('baseline: an ordinary query (1 field)', server, port, '{ council { id name } }', 2_000),
      await scenario('alias flood: 16 aliases (just over the alias limit)', server, port, aliases(16), 2_000),
      await scenario('alias flood: 5,000 aliases per request', server, port, aliases(5_000), 2_000),
      await scenario('alias flood: 100,000 aliases per request (2.7 MiB bodies)', server, port, aliases(100_000), 256),
    ];
    const flood = results[3];
    const summary: Result = {
      scenario: 'query-abuse',
      baselinePeakMiB: results[0].rssPeakMiB,
      flood100kPeakMiB: flood.rssPeakMiB,
      flood100kP99Ms: flood.p99ms,
      flood5kPeakMiB: results[2].rssPeakMiB,
    };
    writeResults(results, summary);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await embedded.stop();
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
