import { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import {
  checkReceipt,
  formatProblem,
  GraphqlLedgerSource,
  LedgerSource,
  parsePublicKey,
  summaryLine,
  verifyLedger,
  voteClosedRoot,
  watchEntries,
} from '../../../libs/ledger/src/verify';
import { exportLedger } from './export-ledger';
import { FileLedgerSource } from './file-source';
import { bar, Progress } from './progress';
import { readState, writeState } from './state-file';
import { startCheckPool } from './worker-pool';

export const USAGE = `Usage:
  npm run verify -- --url <graphql url> [--council <id>] [--key <file>]... [--state <file> | --no-state]
  npm run verify -- --file <export.jsonl> [--key <file>]... [--state <file> | --no-state]
  npm run verify -- --url <graphql url> --receipt <token> --vote <id> [the options above]
  npm run ledger:export -- --url <graphql url> --out <file.jsonl> [--council <id>]

verify re-checks a council ledger without trusting the server: every entry's hash and link, the
Merkle root of every signed checkpoint, every checkpoint signature, and that the ledger still extends
the checkpoint accepted on your previous run (kept in the state file). Exit code 0 when all holds,
1 when anything fails (one line per problem), 2 when it could not run.

  --url <url>       the server's GraphQL endpoint, e.g. http://localhost:3000/graphql
  --file <path>     a file written by ledger:export (fully offline)
  --council <id>    which council (default: the server's founding council)
  --key <file>      the checkpoint public key you trust: PEM, base64 raw key or note verifier key;
                    repeatable; without it the key is taken from the state file, or trusted on first use
  --state <file>    where the last accepted checkpoint is kept (default .council-verify-state.json)
  --no-state        neither read nor write the state file
  --jobs <n>        worker threads that check entries (default: one per CPU but one, at most 4; 0 checks inline)
  --receipt <token> with --vote: also check that your ballot was counted as cast: the receipt's hash is on
                    the vote's public bulletin, and the bulletin is the one the verified ledger committed
                    to when the vote closed (same Merkle root)
  --vote <id>       the vote the receipt belongs to
  --out <file>      (ledger:export) where to write the JSON lines`;

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { isTTY?: boolean; write(text: string): unknown };
}

class UsageError extends Error {}

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        file: { type: 'string' },
        council: { type: 'string' },
        key: { type: 'string', multiple: true },
        state: { type: 'string', default: '.council-verify-state.json' },
        'no-state': { type: 'boolean', default: false },
        out: { type: 'string' },
        receipt: { type: 'string' },
        vote: { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function verify(values: ReturnType<typeof options>['values'], io: CliIo): Promise<number> {
  if (!values.url === !values.file) throw new UsageError('give exactly one of --url and --file');
  let pinnedKeys: KeyObject[];
  try {
    pinnedKeys = (values.key ?? []).map((path) => parsePublicKey(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new UsageError(`--key: ${(error as Error).message}`);
  }
  if (!values.receipt !== !values.vote) throw new UsageError('--receipt and --vote go together');
  if (values.receipt && !values.url) throw new UsageError('--receipt needs --url: the bulletin is read from the server');
  const file = values.file ? new FileLedgerSource(values.file) : null;
  const server = file ? null : new GraphqlLedgerSource(values.url!, values.council);
  let voteRoot: string | null = null;
  const source: LedgerSource = values.vote
    ? watchEntries(server!, (entry) => (voteRoot = voteClosedRoot(entry, values.vote!) ?? voteRoot))
    : (file ?? server!);
  const councilId = await source.councilId();
  if (values.council && values.council !== councilId)
    throw new UsageError(`${values.file} holds council ${councilId}, not ${values.council}`);
  const statePath = values['no-state'] ? null : values.state!;
  const state = statePath ? readState(statePath, councilId) : null;

  // The main thread reads and builds the Merkle tree; the other cores check entries.
  const jobs = values.jobs === undefined ? Math.min(4, availableParallelism() - 1) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 0 || jobs > 64) throw new UsageError('--jobs must be a whole number from 0 to 64');

  const progress = new Progress(io.stderr);
  const pool = startCheckPool(jobs);
  let report;
  try {
    report = await verifyLedger(source, {
      pinnedKeys,
      state,
      checkBatch: pool?.check,
      onProgress: (count) =>
        progress.update(file ? `${bar(file.bytesRead / Math.max(1, file.totalBytes))} ${count} entries` : `verifying: ${count} entries`),
    });
  } finally {
    progress.done();
    await pool?.close();
  }

  for (const problem of report.problems) io.stdout.write(`${formatProblem(problem)}\n`);
  let receiptProblems = 0;
  if (values.receipt && server) {
    const bulletin = await readBulletin(server, values.vote!);
    const problems = checkReceipt({ token: values.receipt, bulletin, ledgerRoot: voteRoot });
    for (const problem of problems) io.stdout.write(`receipt: ${problem}\n`);
    if (!problems.length)
      io.stdout.write(`receipt: counted as cast, on the bulletin of ${bulletin.length} ballots the ledger committed to\n`);
    receiptProblems = problems.length;
  }
  for (const note of report.notes) io.stdout.write(`note: ${note}\n`);
  if (statePath && report.nextState) {
    writeState(statePath, report.nextState);
    io.stdout.write(`note: remembered checkpoint ${report.nextState.treeSize} in ${statePath}\n`);
  }
  io.stdout.write(`${summaryLine(report)}\n`);
  return report.problems.length || receiptProblems ? 1 : 0;
}

/** Every receipt hash of a closed vote's public bulletin, page by page, in the published order. */
async function readBulletin(server: GraphqlLedgerSource, voteId: string): Promise<string[]> {
  const hashes: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { voteBulletin: { entries: { receiptHash: string }[]; totalCount: number } } = await server.request(
      'query($voteId: ID!, $after: String) { voteBulletin(voteId: $voteId, after: $after, limit: 1000) { totalCount entries { receiptHash } } }',
      { voteId, after },
    );
    hashes.push(...page.voteBulletin.entries.map((e) => e.receiptHash));
    if (!page.voteBulletin.entries.length || hashes.length >= page.voteBulletin.totalCount) return hashes;
    after = hashes[hashes.length - 1];
  }
}

async function exportCommand(values: ReturnType<typeof options>['values'], io: CliIo): Promise<number> {
  if (!values.url || !values.out) throw new UsageError('ledger:export needs --url and --out');
  const progress = new Progress(io.stderr);
  const result = await exportLedger(new GraphqlLedgerSource(values.url, values.council), values.out, (n) =>
    progress.update(`exported ${n} entries`),
  );
  progress.done();
  io.stdout.write(`Wrote ${result.entries} entries and ${result.checkpoints} checkpoints to ${values.out}\n`);
  return 0;
}

/** Runs one command; returns the process exit code. Everything it prints goes through `io`. */
export async function runVerifierCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = options(argv);
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    switch (positionals[0]) {
      case 'verify':
        return await verify(values, io);
      case 'export':
        return await exportCommand(values, io);
      default:
        throw new UsageError(`unknown command "${positionals[0] ?? ''}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
    } else {
      io.stderr.write(`verify could not run: ${(error as Error).message}\n`);
    }
    return 2;
  }
}
