import { RUN_ID_ENV, SERVER_URL_ENV, withAdminClient } from './test-database';

/** Drops every database this run created, then stops the embedded server if one was started. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[SERVER_URL_ENV];
  const runId = process.env[RUN_ID_ENV];
  if (serverUrl && runId) {
    await withAdminClient(serverUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'gc\\_test\\_' || $1 || '\\_%' OR datname = 'gc_tpl_' || $1`,
        [runId],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    });
  }
  await globalThis.__GC_STOP_POSTGRES__?.();
}
