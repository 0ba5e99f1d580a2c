import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { totpCode } from '@gc/auth';
import { createLogger } from '@gc/common';
import { loadConfig } from '@gc/config';
import { queryCounter } from '@gc/db';
import { createApp, migrateAndSeed } from '../../apps/api/src/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';
import { enrolSecondFactor, LOGIN, VERIFY_SECOND_FACTOR } from './two-factor';

export const SECRETARIAT_EMAIL = 'secretariat@test.council';
export const SECRETARIAT_PASSWORD = 'correct horse battery staple';

/** The fixed keys of a test app outside production; server processes started on its database use the same. */
export const TEST_KEYS = {
  JWT_SECRET: 'test-only-secret-that-is-long-enough-0123456789',
  COUNCIL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  COUNCIL_LEDGER_KEY: Buffer.alloc(32, 9).toString('base64'),
};

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
  /** Signs in through `login` and, when the account has a second factor the harness knows, `verifySecondFactor`. */
  signIn(email?: string, password?: string): Promise<string>;
  signInSession(email?: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /** TOTP secrets of the accounts that the harness or the factories enrolled, by email. */
  secondFactorSecrets: Map<string, string>;
  /** Runs SQL directly on the test database, as a factory or an inspector would. */
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database, listening on a random loopback port. Given `shared`, a second
 * instance on that app's database instead (it leaves dropping the database to the first). On a fresh
 * database the seeded secretariat enrols a second factor through the API first, as the rules require of
 * it, unless `enrolSecretariat` is false.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  shared?: TestApp,
  options: { enrolSecretariat?: boolean } = {},
): Promise<TestApp> {
  const database = shared?.database ?? (await createTestDatabase());
  // Production refuses the fixed test keys as weak: a production-mode test app gets random ones.
  const fixedKeys =
    env.NODE_ENV === 'production'
      ? {
          JWT_SECRET: randomBytes(48).toString('base64'),
          COUNCIL_DATA_KEY: randomBytes(32).toString('base64'),
          COUNCIL_LEDGER_KEY: randomBytes(32).toString('base64'),
        }
      : TEST_KEYS;
  const config = loadConfig({
    NODE_ENV: 'test',
    ...fixedKeys,
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

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  const secondFactorSecrets = shared?.secondFactorSecrets ?? new Map<string, string>();
  const signInSession = async (email = SECRETARIAT_EMAIL, password = SECRETARIAT_PASSWORD) => {
    const result = await gql<{ login: Record<string, any> }>(LOGIN, { input: { email, password } });
    const login = result.data?.login;
    if (!login) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
    if (login.__typename === 'AuthPayload') return { accessToken: login.accessToken, refreshToken: login.refreshToken };
    const normalized = email.trim().toLowerCase();
    const secret = secondFactorSecrets.get(normalized);
    if (!secret) throw new Error('sign-in needs a second factor that the test harness does not know');
    // The replay guard accepts one code per 30-second step and account; tests sign in far more often than a
    // person, so the harness forgets the last step (test/two-factor.e2e-spec.ts tests the guard without this).
    await sql('UPDATE second_factor SET last_used_step = NULL WHERE user_id = (SELECT id FROM user_account WHERE email = $1)', [
      normalized,
    ]);
    const verified = await gql<{ verifySecondFactor: { accessToken: string; refreshToken: string } }>(VERIFY_SECOND_FACTOR, {
      input: { challengeToken: login.challengeToken, code: totpCode(secret) },
    });
    if (!verified.data?.verifySecondFactor) throw new Error(`second factor failed: ${JSON.stringify(verified.errors)}`);
    return verified.data.verifySecondFactor;
  };
  const signIn = async (email?: string, password?: string) => (await signInSession(email, password)).accessToken;

  if (!shared && options.enrolSecretariat !== false) {
    const { secret } = await enrolSecondFactor(gql, await signIn());
    secondFactorSecrets.set(SECRETARIAT_EMAIL, secret);
  }

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
    signInSession,
    secondFactorSecrets,
    close: async () => {
      await app.close();
      if (!shared) await database.drop();
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
