import { Writable } from 'node:stream';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { createLogger } from '@gc/common';
import { loadConfig } from '@gc/config';
import { queryCounter } from '@gc/db';
import { createApp, migrateAndSeed } from '../../apps/api/src/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';

export const SECRETARIAT_EMAIL = 'secretariat@test.council';
export const SECRETARIAT_PASSWORD = 'correct horse battery staple';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions: { code: string; field?: string } }[] | undefined;
}

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  database: TestDatabase;
  councilId: string;
  /** Every log line the app wrote, as JSON text. */
  logs: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  signIn(email?: string, password?: string): Promise<string>;
  /** Runs SQL directly on the test database, as a factory or an inspector would. */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The real app on a fresh database, listening on a random loopback port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-only-secret-that-is-long-enough-0123456789',
    COUNCIL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    COUNCIL_ADMIN_EMAIL: SECRETARIAT_EMAIL,
    COUNCIL_ADMIN_PASSWORD: SECRETARIAT_PASSWORD,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'info',
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const app = await createApp(config, database.url, logger);
  const seed = await migrateAndSeed(app, logger);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const response = await post(JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
    const body = (await response.json()) as { data?: T; errors?: GqlResult['errors'] };
    return { status: response.status, data: body.data, errors: body.errors };
  };

  const signIn = async (email = SECRETARIAT_EMAIL, password = SECRETARIAT_PASSWORD) => {
    const result = await gql<{ login: { accessToken: string } }>('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email, password },
    });
    if (!result.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken;
  };

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  return {
    app,
    url,
    sql,
    database,
    councilId: seed.councilId,
    logs,
    gql,
    post,
    signIn,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Counts the SQL statements `work` issues through the app's data source. */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const before = queryCounter.count;
  await work();
  return queryCounter.count - before;
}

/** The error codes of a result, for compact assertions. */
export const codes = (result: GqlResult) => (result.errors ?? []).map((e) => e.extensions.code);
