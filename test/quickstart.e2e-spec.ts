import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
  readyMs: number;
}

/** Starts the built server exactly as `npm start` does, with DATABASE_URL unset (embedded PostgreSQL). */
async function startServer(dataDir: string, pgPort: number): Promise<Started> {
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      COUNCIL_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    void exit.then((code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  return { child, url, output: () => output, exit, readyMs: Date.now() - started };
}

async function councilOf(url: string): Promise<{ id: string; name: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ council { id name } }' }),
  });
  return ((await response.json()) as { data: { council: { id: string; name: string } } }).data.council;
}

describe('quick start: the real server on its embedded PostgreSQL (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gc-quickstart-'));
  const pgPort = 51000 + Math.floor(Math.random() * 3000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is built (npm test builds before running jest)', () => {
    expect(existsSync(MAIN)).toBe(true);
  });

  it('starts, seeds, serves the council, prints the first login once, and stops cleanly on SIGTERM; a restart reuses the data', async () => {
    const first = await startServer(dataDir, pgPort);
    const council = await councilOf(first.url);
    expect(council.name).toMatch(/Global Council/);
    expect(first.output()).toMatch(
      /First start: secretariat account created\.\n\s+email:\s+secretariat@council\.local\n\s+password:\s+\S{20,}/,
    );
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const second = await startServer(dataDir, pgPort);
    expect((await councilOf(second.url)).id).toBe(council.id);
    expect(second.output()).not.toMatch(/First start/);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
    // Visible in the test output, for the record of start-up times.
    process.stdout.write(`quick start: ready after ${first.readyMs} ms on first start, ${second.readyMs} ms on second start\n`);
  });
});
