import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_MAIN, ServerProcess, startServerProcess } from './support/server-process';

/** Starts the built server exactly as `npm start` does, with DATABASE_URL unset (embedded PostgreSQL). */
function startServer(dataDir: string, pgPort: number): Promise<ServerProcess> {
  return startServerProcess({
    DATABASE_URL: '',
    DATABASE_DIRECT_URL: '',
    NODE_ENV: 'development',
    COUNCIL_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
  });
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
    expect(existsSync(SERVER_MAIN)).toBe(true);
  });

  it('starts, seeds, serves the council, prints the first login once, and stops cleanly on SIGTERM; a restart reuses the data', async () => {
    const first = await startServer(dataDir, pgPort);
    const council = await councilOf(first.graphqlUrl);
    expect(council.name).toMatch(/Global Council/);
    expect(first.output()).toMatch(
      /First start: secretariat account created\.\n\s+email:\s+secretariat@council\.local\n\s+password:\s+\S{20,}/,
    );
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const second = await startServer(dataDir, pgPort);
    expect((await councilOf(second.graphqlUrl)).id).toBe(council.id);
    expect(second.output()).not.toMatch(/First start/);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
    // Visible in the test output, for the record of start-up times.
    process.stdout.write(`quick start: ready after ${first.readyMs} ms on first start, ${second.readyMs} ms on second start\n`);
  });
});
