import 'reflect-metadata';
import { join } from 'node:path';
import { createLogger } from '@gc/common';
import { ConfigError, loadConfig } from '@gc/config';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@gc/db';
import { createApp, migrateAndSeed } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedPostgresHandle | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      dir: join(config.dataDir, 'postgres'),
      port: config.embeddedPostgresPort,
      database: 'council',
      persistent: true,
      onLog: (line) => logger.debug({ component: 'embedded-postgres' }, line.trim()),
    });
    databaseUrl = embedded.url;
    logger.info({ port: config.embeddedPostgresPort, dir: config.dataDir, ms: Date.now() - started }, 'embedded PostgreSQL started');
  }

  const app = await createApp(config, databaseUrl, logger);
  const seed = await migrateAndSeed(app, logger);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  // Printed, not logged: log pipelines are shipped elsewhere, this line is for the person at the console.
  const origin = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  process.stdout.write(`Global Council API listening on ${origin}/graphql\nWeb client at ${origin}/\n`);
  if (seed.secretariat) {
    const password = seed.secretariat.generatedPassword ?? '(from COUNCIL_ADMIN_PASSWORD)';
    process.stdout.write(
      `First start: secretariat account created.\n  email:    ${seed.secretariat.email}\n  password: ${password}\n` +
        'This is shown only once. Store it in a password manager.\n',
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error({ graceSeconds: config.shutdownGraceSeconds }, 'requests still running after the grace period; exiting');
      process.exit(1);
    }, config.shutdownGraceSeconds * 1000);
    forced.unref();
    try {
      // Refuse new connections at once (the load balancer moves to another instance) and drop idle keep-alive ones.
      // Requests in flight run to completion: app.close() waits for their connections, after closing the
      // subscriptions' WebSockets with 1001 (going away) so clients reconnect elsewhere. Then the pool closes.
      app.getHttpServer().close();
      await app.close();
      await embedded?.stop();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
}

main().catch((error) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
