import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createLogger } from '@gc/common';
import { loadConfig } from '@gc/config';
import { Db, startEmbeddedPostgres } from '@gc/db';
import { CheckpointReason, CheckpointService, GENESIS_HASH, LedgerService, sealEntry } from '@gc/ledger';
import { createApp, migrateAndSeed } from '../apps/api/src/bootstrap';
import {
  checkpointBody,
  checkpointLine,
  entryLine,
  headerLine,
  keyIdOf,
  MerkleAccumulator,
  rawPublicKey,
  signBody,
} from '../libs/ledger/src/verify';
import { BENCH_DIR, figures, machine, Result, writeSection } from './support';

/**
 * `npm run bench`: how fast the record can be checked and written. Not a test: it prints one JSON line per
 * scenario and writes bench/RESULTS.md. Verification runs in a child process, so that its peak memory is
 * its own and not the generator's.
 */

const COUNCIL = '5d1c0b6e-1d0f-4a7e-9f55-7a1d2c3b4e5f';
const KINDS = ['DELEGATE_ACCREDITED', 'MANDATE_RECORDED', 'SESSION_CONVENED', 'PETITION_SIGNED', 'VOTE_CLOSED', 'ASSESSMENT_RECORDED'];

/** Writes a ledger export of `count` realistic entries with a signed checkpoint every 100,000 entries and at the end. */
async function generate(path: string, count: number): Promise<void> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(privateKey);
  // Written aside and renamed at the end, so that an interrupted run never leaves a truncated file to reuse.
  const partial = path.replace(/\.jsonl$/, '.partial.jsonl');
  const out = createWriteStream(partial);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(
    headerLine({
      councilId: COUNCIL,
      source: 'bench',
      exportedAt: new Date().toISOString(),
      publicKey: raw.toString('base64'),
      keyId: keyIdOf(raw),
    }),
  );
  const tree = new MerkleAccumulator();
  const checkpoints: string[] = [];
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2022, 0, 1);
  for (let seq = 1; seq <= count; seq++) {
    const { canonical, hash } = sealEntry({
      councilId: COUNCIL,
      seq,
      recordedAt: new Date(start + seq * 1000).toISOString(),
      actor: `a-${(seq * 7919) % 5000}`,
      kind: KINDS[seq % KINDS.length],
      payload: {
        delegationId: '0b9f0a53-4d3e-4c8e-8a8e-3c2a1d0e9f7b',
        subjectId: `s-${seq}`,
        status: 'ACTIVE',
        note: 'synthetic entry for the benchmark',
      },
      prevHash,
    });
    await write(entryLine({ seq, canonical, hash }));
    tree.addLeafData(Buffer.from(hash, 'hex'));
    prevHash = hash;
    if (seq % 100_000 === 0 || seq === count) {
      const fields = { origin: COUNCIL, treeSize: seq, rootHash: tree.root().toString('hex') };
      checkpoints.push(checkpointLine({ ...fields, keyId: keyIdOf(raw), signature: signBody(checkpointBody(fields), privateKey) }));
    }
  }
  for (const line of checkpoints) await write(line);
  out.end();
  await once(out, 'close');
  renameSync(partial, path);
}

function runChild(path: string, jobs: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'verify-child.js'), path, String(jobs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`verifier child exited with ${code}`)),
    );
  });
}

async function verifyScenario(count: number, jobs: number): Promise<Result> {
  const path = join(BENCH_DIR, `ledger-${count}.jsonl`);
  if (!existsSync(path)) {
    const started = Date.now();
    await generate(path, count);
    process.stderr.write(`generated ${path} (${count} entries) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const result = await runChild(path, jobs);
  const how = jobs ? `main thread + ${jobs} worker thread${jobs > 1 ? 's' : ''}` : 'one thread';
  return {
    scenario: `verify ${count.toLocaleString('en')} entries from JSONL (${how})`,
    fileMB: Math.round(statSync(path).size / 1048576),
    ...result,
  };
}

/** A fresh database on DATABASE_URL's server, or an embedded PostgreSQL in a temporary folder. */
async function benchDatabase(): Promise<{ url: string; where: string; drop(): Promise<void> }> {
  const name = `gc_bench_${Date.now().toString(36)}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      where: 'DATABASE_URL server',
      drop: async () => {
        const client = new Client({ connectionString: external });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gc-bench-pg-'));
  const embedded = await startEmbeddedPostgres({ dir, port: 56000 + Math.floor(Math.random() * 3000), database: name, persistent: false });
  return {
    url: embedded.url,
    where: 'embedded PostgreSQL',
    drop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function appendScenarios(): Promise<Result[]> {
  const database = await benchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'gc-bench-data-'));
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: database.url, COUNCIL_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const app = await createApp(config, database.url, logger);
  const results: Result[] = [];
  try {
    const { councilId } = await migrateAndSeed(app, logger);
    const db = app.get(Db);
    const ledger = app.get(LedgerService);
    for (const [writers, perWriter] of [
      [1, 2000],
      [64, 100],
    ]) {
      const latencies: number[] = [];
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let i = 0; i < perWriter; i++) {
            const t0 = process.hrtime.bigint();
            await db.transaction(() => ledger.append(councilId, 'system', 'BENCH_EVENT', { writer, i }));
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          }
        }),
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      results.push({
        scenario: `append with ${writers} concurrent writer${writers > 1 ? 's' : ''} (one transaction per entry, ${database.where})`,
        appends: writers * perWriter,
        seconds: Number(seconds.toFixed(2)),
        appendsPerSecond: Math.round((writers * perWriter) / seconds),
        p50ms: Number(percentile(latencies, 50).toFixed(1)),
        p95ms: Number(percentile(latencies, 95).toFixed(1)),
        p99ms: Number(percentile(latencies, 99).toFixed(1)),
      });
    }
    const checkpoints = app.get(CheckpointService);
    const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entry WHERE council_id = $1', [councilId]);
    for (const label of ['cold', 'after one more append']) {
      const t0 = process.hrtime.bigint();
      const signed = await checkpoints.checkpoint(councilId, CheckpointReason.REQUESTED);
      results.push({
        scenario: `sign a checkpoint over ${signed.treeSize} entries (${label})`,
        entries: Number(signed.treeSize),
        ms: Number((Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)),
      });
      if (label === 'cold') await db.transaction(() => ledger.append(councilId, 'system', 'BENCH_EVENT', { after: n }));
    }
  } finally {
    await app.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const emit = (result: Result) => {
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  };
  const jobs = Math.min(4, availableParallelism() - 1);
  emit(await verifyScenario(100_000, jobs));
  emit(await verifyScenario(1_000_000, jobs));
  emit(await verifyScenario(1_000_000, 0));
  for (const result of await appendScenarios()) emit(result);

  writeSection(
    'ledger',
    `## Ledger append and verify\n\nWritten by \`npm run bench\` (bench/ledger.bench.ts). Not a test: figures vary with the machine and its load. ` +
      `This run: ${machine().split('\n').pop()!.slice(2)}.\n\n${figures(results)}\n\n` +
      `### How to read them\n\n` +
      `- *verify*: the verifier core (the code behind \`npm run verify -- --file\`) re-checks every entry's canonical text, hash and\n` +
      `  link, recomputes the Merkle root at every checkpoint (one per 100,000 entries) and checks each Ed25519 signature.\n` +
      `  It runs in a child process; peakRssMB is that process's maximum resident memory. Memory must not grow with\n` +
      `  the ledger: compare the 100,000 and 1,000,000 runs, and the first and last third of each run. Target: 1,000,000 in under 10 s.\n` +
      `- *append*: \`LedgerService.append\` in its own transaction, serialized per council by the advisory lock,\n` +
      `  through the app's connection pool (20 connections), against a real PostgreSQL. No raw-SQL limit is given: each append\n` +
      `  reads the chain head and hashes in the app, so a replay of recorded statements would not be the same work.\n` +
      `- *checkpoint*: \`CheckpointService.checkpoint\`; cold reads every entry hash once, later ones reuse remembered subtrees.\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
