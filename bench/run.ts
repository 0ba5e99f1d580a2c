import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, log, machine, round, writeSection } from './support';

/**
 * `npm run bench`: every scenario script, one process each, in order; then CPU profiles of the API server on the
 * hottest paths. Writes bench/RESULTS.md (a section per script) and bench/results.jsonl (one JSON line per
 * scenario, each tagged with its script). Any other `bench/*.bench.ts` runs after the known ones, so a new
 * scenario needs no change here.
 */

const ORDER = ['cast-ballot', 'petition-signing', 'dashboard', 'mandate-import', 'ledger'];
/** Scripts whose server is profiled with --cpu-prof, in a run of their own (BENCH_PROFILE=1) whose figures are not kept. */
const PROFILED: { script: string; path: string }[] = [
  { script: 'cast-ballot', path: 'castBallot' },
  { script: 'petition-signing', path: 'signPetition' },
];
const DIST = __dirname;
const RESULTS_JSONL = join(BENCH_DIR, 'results.jsonl');

function scripts(): string[] {
  const found = readdirSync(DIST)
    .filter((f) => f.endsWith('.bench.js'))
    .map((f) => f.replace(/\.bench\.js$/, ''));
  return [...ORDER.filter((name) => found.includes(name)), ...found.filter((name) => !ORDER.includes(name)).sort()];
}

/** Runs one script; resolves with the JSON lines it printed on stdout and its exit code. */
function run(name: string, env: Record<string, string> = {}): Promise<{ lines: Record<string, unknown>[]; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(DIST, `${name}.bench.js`)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => {
      const lines = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        });
      resolve({ lines, code });
    });
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function and per package from a .cpuprofile, idle time left out. */
export function summarizeProfile(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): {
  totalMs: number;
  functions: { name: string; ms: number; share: number }[];
  packages: { name: string; ms: number; share: number }[];
  /** For the function with the most self time: the nearest callers in a package or this project, by its time under them. */
  topCallers: { name: string; ms: number; share: number }[];
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameName = (node: ProfileNode) => {
    const url = node.callFrame.url.replace(/^file:\/\//, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const shortUrl = pkg ? url.slice(url.indexOf(pkg)) : url.replace(/^.*\/dist\//, 'dist/');
    return `${node.callFrame.functionName || '(anonymous)'}${shortUrl ? ` ${shortUrl}:${node.callFrame.lineNumber + 1}` : ''}`;
  };
  /** The first frame above `id` whose code is a package's or this project's (not Node's own or native). */
  const caller = (id: number): string => {
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at)!;
      if (/node_modules\/|\/dist\//.test(node.callFrame.url)) return frameName(node);
    }
    return '(no caller outside Node)';
  };
  const functionMs = new Map<string, number>();
  const packageMs = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const url = frame.url.replace(/^file:\/\//, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const where = pkg
      ? pkg
      : url.startsWith('node:')
        ? 'node (built-in modules)'
        : url.includes('/dist/')
          ? 'this project (dist/)'
          : frame.functionName.startsWith('(')
            ? frame.functionName
            : 'other (V8 and native)';
    const name = frameName(byId.get(id)!);
    functionMs.set(name, (functionMs.get(name) ?? 0) + ms);
    packageMs.set(where, (packageMs.get(where) ?? 0) + ms);
  });
  const ranked = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: round(ms), share: round((100 * ms) / totalMs) }));
  const top = ranked(functionMs, 1)[0]?.name;
  const callerMs = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (frameName(byId.get(id)!) !== top) return;
    const name = caller(id);
    callerMs.set(name, (callerMs.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return { totalMs: round(totalMs), functions: ranked(functionMs, 12), packages: ranked(packageMs, 10), topCallers: ranked(callerMs, 6) };
}

async function profile(script: string, path: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gc-bench-prof-'));
  try {
    const { code } = await run(script, { BENCH_PROFILE: '1', BENCH_SERVER_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${dir}` });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (code !== 0 || !file) return `### ${path}\n\nThe profiled run failed (exit ${code}); no profile.`;
    const summary = summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const row = (e: { name: string; ms: number; share: number }) => `| ${e.share}% | ${e.ms} | \`${e.name.replace(/\|/g, '\\|')}\` |`;
    return (
      `### ${path} (\`${script}\` scenario, the API server under \`node --cpu-prof\`)\n\n` +
      `${summary.totalMs} ms of busy CPU in the server process, by where the code lives (self time):\n\n` +
      `| share | ms | where |\n| ---: | ---: | --- |\n${summary.packages.map(row).join('\n')}\n\n` +
      `The functions with the most self time:\n\n| share | ms | function |\n| ---: | ---: | --- |\n${summary.functions.map(row).join('\n')}\n\n` +
      `Where the first of them (\`${summary.functions[0]?.name}\`) is called from, nearest frame in a package or this project ` +
      `(share of all busy CPU):\n\n| share | ms | caller |\n| ---: | ---: | --- |\n${summary.topCallers.map(row).join('\n')}`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const names = scripts();
  const analysisPath = join(BENCH_DIR, 'ANALYSIS.md');
  writeFileSync(
    join(BENCH_DIR, 'RESULTS.md'),
    '# Benchmark results\n\n' +
      'Written by `npm run bench` (bench/run.ts), which runs every scenario script in its own process and then profiles ' +
      'the API server; each script also runs alone (`npm run bench:<name>`) and rewrites only its own section. Not a test: ' +
      'figures vary with the machine and its load. Every full-stack figure is measured against a real API server process ' +
      '(`node dist/apps/api/src/main.js`, production mode, its pool of 20 connections) on an embedded PostgreSQL of its own, ' +
      'with the load generator in the bench process on the same machine. One JSON line per scenario: bench/results.jsonl.\n\n' +
      `## Machine\n\n${machine()}\n\n<!-- load bench: start -->\n<!-- load bench: end -->\n\n` +
      names.map((name) => `<!-- ${name} bench: start -->\n<!-- ${name} bench: end -->`).join('\n\n') +
      '\n\n<!-- cpu-profile bench: start -->\n<!-- cpu-profile bench: end -->\n' +
      // The reading of the figures, written by a person after a run (bench/ANALYSIS.md).
      (existsSync(analysisPath) ? `\n${readFileSync(analysisPath, 'utf8').trim()}\n` : ''),
  );
  writeFileSync(RESULTS_JSONL, '');
  const failed: string[] = [];
  const started = Date.now();
  // Other work on the machine slows every figure down; the report says how busy it was.
  const load: number[] = [loadavg()[0]];
  const sampler = setInterval(() => load.push(loadavg()[0]), 5000);
  for (const name of names) {
    log(`\n=== bench ${name} ===`);
    const t0 = Date.now();
    const { lines, code } = await run(name);
    if (code !== 0) failed.push(name);
    for (const line of lines) appendFileSync(RESULTS_JSONL, `${JSON.stringify({ bench: name, ...line })}\n`);
    log(`=== ${name}: exit ${code}, ${Math.round((Date.now() - t0) / 1000)} s ===`);
  }
  const profiles: string[] = [];
  for (const { script, path } of PROFILED) {
    if (!names.includes(script)) continue;
    log(`\n=== CPU profile: ${path} ===`);
    profiles.push(await profile(script, path));
  }
  clearInterval(sampler);
  writeSection(
    'load',
    `- Load during this run (1-minute load average, sampled every 5 s, on ${cpus().length} cores): mean ` +
      `${round(load.reduce((a, b) => a + b, 0) / load.length)}, max ${round(Math.max(...load))}. Above the number of cores, ` +
      'other processes were competing for the CPUs and every figure below is lower than an idle machine would give.',
  );
  writeSection(
    'cpu-profile',
    '## CPU profiles of the hottest paths\n\n' +
      'Each scenario below ran again with the API server under `node --cpu-prof` (its figures, slowed by the profiler, are ' +
      'not kept); the profile is summarized by self time. What the top costs are: see the analysis after this section.\n\n' +
      profiles.join('\n\n'),
  );
  log(
    `\nbench: ${names.length} scripts in ${Math.round((Date.now() - started) / 1000)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
