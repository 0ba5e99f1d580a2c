import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createLogger } from '@gc/common';
import { loadConfig } from '@gc/config';
import { dataSourceOptions, EmbeddedPostgresHandle, startEmbeddedPostgres } from '@gc/db';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from '../../api/src/entities';
import { createApp, migrateAndSeed } from '../../api/src/bootstrap';
import { printSortedSchema } from '../../api/src/graphql/schema-file';
import { seedDemo } from './seed-demo';

const USAGE = `Usage: npm run council -- <command>

Commands:
  migrate                    apply pending migrations
  seed                       apply migrations and seed the founding council (idempotent)
  migration:generate <Name>  write migrations/<timestamp>-<Name>.ts from the entity changes
  schema                     write schema.gql from the code-first GraphQL types
  seed:demo                  seed, then add the demo delegates, mandates and agreement (docs/compliance.md); never run by default

Uses DATABASE_URL when set, the embedded PostgreSQL under ./.data otherwise.`;

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let embedded: EmbeddedPostgresHandle | null = null;
  const url =
    config.databaseUrl ??
    (embedded = await startEmbeddedPostgres({
      dir: join(config.dataDir, 'postgres'),
      port: config.embeddedPostgresPort,
      database: 'council',
      persistent: true,
    })).url;
  try {
    return await work(url);
  } finally {
    await embedded?.stop();
  }
}

/** Rewrites migrations/index.ts to list every migration file, oldest first. */
function writeMigrationIndex(): void {
  const files = readdirSync('migrations')
    .filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f))
    .sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  const classes = files.map((f) => {
    const [timestamp, name] = f.replace(/\.ts$/, '').split('-');
    return { module: `./${f.replace(/\.ts$/, '')}`, className: `${name}${timestamp}` };
  });
  writeFileSync(
    join('migrations', 'index.ts'),
    classes.map((c) => `import { ${c.className} } from '${c.module}';\n`).join('') +
      `\n/** Every migration, oldest first. Rewritten by \`npm run migration:generate\`. */\n` +
      `export const MIGRATIONS: Function[] = [${classes.map((c) => `\n  ${c.className},`).join('')}\n];\n`,
  );
}

async function generateMigration(name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new Error('Give the migration a PascalCase name: npm run migration:generate -- AddPetitions');
  await withDatabase(async (url) => {
    const dataSource = await new DataSource(dataSourceOptions(url, ENTITIES, MIGRATIONS)).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const sql = await dataSource.driver.createSchemaBuilder().log();
      if (!sql.upQueries.length) {
        process.stdout.write('The database already matches the entities: no migration written.\n');
        return;
      }
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const quote = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
      const lines = (queries: { query: string; parameters?: unknown[] }[]) =>
        queries
          .map((q) => `    await queryRunner.query(${quote(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`)
          .join('\n');
      const file = join('migrations', `${timestamp}-${name}.ts`);
      writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n` +
          `  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(sql.upQueries)}\n  }\n\n` +
          `  async down(queryRunner: QueryRunner): Promise<void> {\n${lines([...sql.downQueries].reverse())}\n  }\n}\n`,
      );
      writeMigrationIndex();
      process.stdout.write(`Wrote ${file}. Read it, then commit it with the entity change.\n`);
    } finally {
      await dataSource.destroy();
    }
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
    case 'seed':
      await withDatabase(async (url) => {
        const config = loadConfig();
        const logger = createLogger(config.logLevel);
        if (command === 'migrate') {
          const dataSource = await new DataSource(dataSourceOptions(url, ENTITIES, MIGRATIONS)).initialize();
          const applied = await dataSource.runMigrations({ transaction: 'each' });
          await dataSource.destroy();
          process.stdout.write(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}\n` : 'No pending migrations.\n');
          return;
        }
        const app = await createApp(config, url, logger);
        try {
          const seed = await migrateAndSeed(app, logger);
          process.stdout.write(`Founding council ${seed.councilId} is seeded.\n`);
          if (seed.secretariat?.generatedPassword) {
            process.stdout.write(
              `Secretariat account created: ${seed.secretariat.email} / ${seed.secretariat.generatedPassword} (shown once)\n`,
            );
          }
        } finally {
          await app.close();
        }
      });
      return;
    case 'migration:generate':
      return generateMigration(rest[0]);
    case 'seed:demo':
      await withDatabase(async (url) => {
        const config = loadConfig();
        const app = await createApp(config, url, createLogger(config.logLevel));
        try {
          const seed = await migrateAndSeed(app, createLogger(config.logLevel));
          process.stdout.write(`${await seedDemo(app, seed.councilId)}\n`);
        } finally {
          await app.close();
        }
      });
      return;
    case 'schema': {
      const config = { ...loadConfig(), logLevel: 'silent' as const };
      const logger = createLogger('silent');
      // Building the schema needs no database connection beyond the app's start-up.
      await withDatabase(async (url) => {
        const app = await createApp(config, url, logger);
        try {
          writeFileSync('schema.gql', printSortedSchema(app));
          process.stdout.write('Wrote schema.gql\n');
        } finally {
          await app.close();
        }
      });
      return;
    }
    case undefined:
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
