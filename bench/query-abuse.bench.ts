import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@gc/db';
import { CONCURRENCY, figures, freePort, log, machine, percentile, Result, round, serverEnv, startServer, writeSection } from './support';

/**
 * `npm run bench:query-abuse` (also the last step of `npm run bench`): the API server's memory under an alias
 * flood. The built server runs in its own process (production mode) on an embedded PostgreSQL; this process
 * sends many concurrent requests, each with thousands of aliases, and samples the server's resident memory
 * from /proc. An ordinary query load of the same concurrency is the baseline. Not a test: it writes its
 * section of bench/RESULTS.md and ends with one line of JSON.
 */

const SAMPLE_MS = 20;

const mib = (kib: number) => round(kib / 1024);

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

/** This bench's section of bench/RESULTS.md (between its markers); the other benches own the rest. */
function writeResults(results: Result[], summary: Result): void {
  writeSection(
    'query-abuse',
    '# Query abuse benchmark results\n\n' +
      'Written by `npm run bench:query-abuse` (bench/query-abuse.bench.ts), also the last step of `npm run bench`. ' +
      'Not a test: figures vary with the machine and its load.\n\n' +
      `## Machine\n\n${machine()}\n\n## Figures\n\n${figures(results)}\n\n` +
      `Summary line: \`${JSON.stringify(summary)}\`\n\n` +
      '## How to read them\n\n' +
      `- The built API server runs alone in its own process (NODE_ENV=production). ${CONCURRENCY} keep-alive connections send ` +
      'the number of requests shown, each as soon as the previous one on its connection answered.\n' +
      "- _rss_: the server process's resident memory from /proc (VmRSS); the peak is VmHWM, reset before each scenario, and " +
      `samples every ${SAMPLE_MS} ms, whichever is higher. "Two seconds later" shows whether memory is given back or kept.\n` +
      '- _answers_: HTTP status and the first error code of every answer. An alias flood must be refused before execution: ' +
      'the parser stops at 2,000 tokens (GRAPHQL_PARSE_FAILED), so a document with thousands of aliases is never fully parsed, ' +
      'let alone validated or executed; 16 aliases within the token limit are refused by the alias limit (15) at validation.\n' +
      '- The baseline is an ordinary small query at the same concurrency: the difference is what the flood costs.',
  );
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
    // Logs at warn, not the shared info: one request-log line per operation would add to the memory and latency measured.
    server = await startServer({ ...serverEnv(embedded.url, dataDir, port), LOG_LEVEL: 'warn' }, port);
    server.on('exit', (code, signal) => log(`the API server exited (code ${code}, signal ${signal})`));
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
