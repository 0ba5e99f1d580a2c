import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the global setup: the server the suite uses and the migrated template every test database copies. */
export const SERVER_URL_ENV = 'GC_TEST_SERVER_URL';
export const TEMPLATE_ENV = 'GC_TEST_TEMPLATE';
export const RUN_ID_ENV = 'GC_TEST_RUN_ID';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, copied from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[SERVER_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  const runId = process.env[RUN_ID_ENV];
  if (!serverUrl || !template || !runId) throw new Error('The test database server is not set up: run the suite through jest (npm test)');
  const name = `gc_test_${runId}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`),
  );
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () =>
      withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
