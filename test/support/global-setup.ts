import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../../libs/db/src/embedded-postgres';
import { MIGRATIONS } from '../../migrations';
import { databaseUrl, RUN_ID_ENV, SERVER_URL_ENV, TEMPLATE_ENV, withAdminClient } from './test-database';

declare global {
  var __GC_STOP_POSTGRES__: (() => Promise<void>) | undefined;
}

/**
 * Starts an embedded PostgreSQL (or uses DATABASE_URL's server), migrates a template database once,
 * and tells the workers where it is. Every name it creates starts with this run's id, so an external
 * server's other databases are never touched.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const port = 55000 + Math.floor(Math.random() * 4000);
    const embedded = await startEmbeddedPostgres({
      dir: mkdtempSync(join(tmpdir(), 'gc-test-pg-')),
      port,
      database: 'postgres',
      persistent: false,
    });
    serverUrl = embedded.url;
    globalThis.__GC_STOP_POSTGRES__ = embedded.stop;
  }
  const template = `gc_tpl_${runId}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(template)}`));
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl(serverUrl, template),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env[SERVER_URL_ENV] = serverUrl;
  process.env[TEMPLATE_ENV] = template;
  process.env[RUN_ID_ENV] = runId;
}
