import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig } from '@gc/config';

/** The major version of the pg_dump on PATH, or null when there is none. */
function pgDumpMajor(): number | null {
  try {
    const match = /(\d+)\./.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The embedded PostgreSQL's major version (the npm package's), which pg_dump must match or exceed. */
const EMBEDDED_MAJOR = 18;

/**
 * How to back up or restore this deployment's database, printed rather than run: a backup is the operator's
 * decision (where it goes, who can read it: it holds encrypted identities and the ballot tables).
 */
export function backupHints(config: AppConfig, kind: 'backup' | 'restore'): string {
  // A backup is named by its day; a restore names whichever backup the operator picks.
  const stamp = kind === 'backup' ? new Date().toISOString().slice(0, 10) : '<date>';
  const lines: string[] = [];
  if (config.databaseUrl) {
    lines.push(
      kind === 'backup'
        ? `External PostgreSQL (DATABASE_URL). A consistent online dump:\n\n  pg_dump --format=custom --dbname="$DATABASE_URL" --file=council-${stamp}.dump`
        : `External PostgreSQL (DATABASE_URL). Into an empty database, with the API stopped:\n\n  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" council-${stamp}.dump\n  npm run migrate`,
      '',
      "Use the PostgreSQL client tools of the server's major version or newer. Keep COUNCIL_DATA_KEY with the backup's",
      "restore plan but never in the same place: without it the constituents' identities cannot be read.",
    );
    return lines.join('\n');
  }
  const pgDir = join(config.dataDir, 'postgres');
  const dataParent = join(config.dataDir, '..');
  const dataName = config.dataDir.split('/').pop();
  if (kind === 'backup') {
    lines.push(
      `Embedded PostgreSQL in ${pgDir} (port ${config.embeddedPostgresPort}).`,
      '',
      `1. Whole data directory (database and the generated secrets in ${join(config.dataDir, 'secrets.json')}), server stopped:`,
      '',
      `   tar -czf council-${stamp}.tar.gz -C ${dataParent} ${dataName}`,
      '',
      `2. Online, while \`npm start\` runs (needs pg_dump ${EMBEDDED_MAJOR} or newer):`,
      '',
      `   PGPASSWORD="$(cat ${join(pgDir, 'password')})" pg_dump --host=127.0.0.1 --port=${config.embeddedPostgresPort} \\`,
      `     --username=postgres --format=custom --dbname=council --file=council-${stamp}.dump`,
    );
  } else {
    lines.push(
      `Embedded PostgreSQL in ${pgDir} (port ${config.embeddedPostgresPort}). Stop the server first.`,
      '',
      `1. From a data directory archive (replaces ${config.dataDir}):`,
      '',
      `   mv ${config.dataDir} ${config.dataDir}.old && tar -xzf council-${stamp}.tar.gz -C ${dataParent}`,
      '',
      `2. From a dump, into the running embedded server (\`npm start\` in another terminal; pg_restore ${EMBEDDED_MAJOR} or newer):`,
      '',
      `   PGPASSWORD="$(cat ${join(pgDir, 'password')})" pg_restore --host=127.0.0.1 --port=${config.embeddedPostgresPort} \\`,
      `     --username=postgres --clean --if-exists --no-owner --dbname=council council-${stamp}.dump`,
    );
  }
  const major = pgDumpMajor();
  lines.push(
    '',
    major === null
      ? `No pg_dump on PATH: option 2 needs the PostgreSQL ${EMBEDDED_MAJOR} client tools.`
      : major < EMBEDDED_MAJOR
        ? `The pg_dump on PATH is version ${major}, older than the embedded server (${EMBEDDED_MAJOR}): it will refuse; use option 1 or newer client tools.`
        : `The pg_dump on PATH (version ${major}) can do option 2.`,
  );
  return lines.join('\n');
}
