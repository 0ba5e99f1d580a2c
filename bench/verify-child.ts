import { FileLedgerSource } from '../apps/verifier/src/file-source';
import { startCheckPool } from '../apps/verifier/src/worker-pool';
import { verifyLedger } from '../libs/ledger/src/verify';

/**
 * The verification half of `npm run bench`, in its own process so that its peak memory is the verifier's
 * alone: it loads only what `npm run verify` loads. Prints one JSON line.
 */
async function main(path: string, jobs: number): Promise<void> {
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 50);
  const started = process.hrtime.bigint();
  const pool = jobs > 0 ? startCheckPool(jobs) : null;
  if (jobs > 0 && !pool) throw new Error('the worker script is missing: run the bench from dist (npm run bench)');
  const report = await verifyLedger(new FileLedgerSource(path), { state: null, checkBatch: pool?.check });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await pool?.close();
  clearInterval(sampler);
  const third = Math.max(1, Math.floor(samples.length / 3));
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  process.stdout.write(
    `${JSON.stringify({
      jobs,
      entries: report.entries,
      checkpoints: report.checkpoints,
      problems: report.problems.length,
      seconds: Number(seconds.toFixed(2)),
      entriesPerSecond: Math.round(report.entries / seconds),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      rssFirstThirdMB: mb(Math.max(...samples.slice(0, third))),
      rssLastThirdMB: mb(Math.max(...samples.slice(-third))),
    })}\n`,
  );
}

main(process.argv[2], Number(process.argv[3])).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
