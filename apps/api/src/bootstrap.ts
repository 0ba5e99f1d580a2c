import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AccountService, SecretariatLogin } from '@gc/auth';
import { PinoNestLogger } from '@gc/common';
import { AppConfig } from '@gc/config';
import { Db } from '@gc/db';
import { CouncilSeeder } from '@gc/council';
import { AppModule } from './app.module';
import { serveWebClient } from './web/static';

/** Held while one instance migrates and seeds, so instances starting together do it once. */
const STARTUP_LOCK = 7_412_022;

export interface SeedResult {
  councilId: string;
  /** Present only on the very first start, when the secretariat account was created. */
  secretariat: SecretariatLogin | null;
}

export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<NestExpressApplication> {
  if (config.dataKeyGeneratedIn) {
    logger.warn(
      { file: config.dataKeyGeneratedIn },
      'COUNCIL_DATA_KEY is not set: constituent data is encrypted with a key generated in this file. Back it up with the database: ' +
        'without it the encrypted data cannot be read. Set COUNCIL_DATA_KEY (base64 of 32 bytes) in production.',
    );
  }
  // DATABASE_DIRECT_URL belongs to DATABASE_URL; an embedded database has no pooler in front of it.
  const directUrl = config.databaseUrl ? (config.databaseDirectUrl ?? databaseUrl) : databaseUrl;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, logger, directUrl), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: config.maxRequestBodyBytes });
  app.disable('x-powered-by');
  serveWebClient(app, logger);
  await app.init();
  return app;
}

/**
 * Runs pending migrations and the idempotent founding seed under a database-wide lock. The lock is a session lock,
 * held on its own direct connection: through a transaction-mode pooler it could be taken on one server connection
 * and released on another, and stay held forever.
 */
export async function migrateAndSeed(app: NestExpressApplication, logger: Logger): Promise<SeedResult> {
  const dataSource = app.get(DataSource);
  const lock = new Client({ connectionString: app.get(Db).directUrl, application_name: 'global-council-startup' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    const council = await app.get(CouncilSeeder).seedFoundingCouncil();
    const secretariat = await app.get(AccountService).ensureSecretariat(council.id);
    return { councilId: council.id, secretariat };
  } finally {
    // Ending the session releases its lock.
    await lock.end();
  }
}
