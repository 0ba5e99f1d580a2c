import 'reflect-metadata';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { DataSource } from 'typeorm';
import { AccountService } from '@gc/auth';
import { createLogger, DomainError } from '@gc/common';
import { AppConfig, ConfigError, loadConfig } from '@gc/config';
import { dataSourceOptions, EmbeddedPostgresHandle, startEmbeddedPostgres } from '@gc/db';
import { GraphqlLedgerSource } from '../../../libs/ledger/src/verify';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from '../../api/src/entities';
import { createApp, migrateAndSeed } from '../../api/src/bootstrap';
import { printSortedSchema } from '../../api/src/graphql/schema-file';
import { exportLedger } from '../../verifier/src/export-ledger';
import { Progress } from '../../verifier/src/progress';
import { runVerifierCli } from '../../verifier/src/verifier-cli';
import { backupHints } from './backup-hints';
import { exportPublicData } from './public-export';
import { seedDemo } from './seed-demo';

/** Exit codes: 0 done, 1 the command failed, 2 it was called wrongly, 78 the configuration is invalid. */
const EXIT = { failed: 1, usage: 2, config: 78 } as const;

class UsageError extends Error {}

interface Command {
  name: string;
  args: string;
  summary: string;
  /** Shown by `<command> --help` below the usage line. */
  details: string;
  run(argv: string[]): Promise<number | void>;
}

const DATABASE_NOTE = 'Uses DATABASE_URL when set, the embedded PostgreSQL under COUNCIL_DATA_DIR (./.data) otherwise.';

/** Parses a command's options strictly; unknown or malformed ones are usage errors. */
function options<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], spec: T) {
  try {
    return parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function withDatabase<T>(work: (url: string, config: AppConfig) => Promise<T>): Promise<T> {
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
    return await work(url, config);
  } finally {
    await embedded?.stop();
  }
}

/** The app on the database, migrated and seeded, for commands that act through the services. */
function withApp<T>(work: (app: Awaited<ReturnType<typeof createApp>>, councilId: string) => Promise<T>): Promise<T> {
  return withDatabase(async (url, config) => {
    const logger = createLogger(config.logLevel);
    const app = await createApp(config, url, logger);
    try {
      const seed = await migrateAndSeed(app, logger);
      if (seed.secretariat?.generatedPassword) {
        process.stdout.write(
          `Secretariat account created: ${seed.secretariat.email} / ${seed.secretariat.generatedPassword} (shown once)\n`,
        );
      }
      return await work(app, seed.councilId);
    } finally {
      await app.close();
    }
  });
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
    throw new UsageError('give the migration a PascalCase name: npm run migration:generate -- AddPetitions');
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DEFAULT_URL = 'http://127.0.0.1:3000/graphql';

const COMMANDS: Command[] = [
  {
    name: 'migrate',
    args: '',
    summary: 'apply pending migrations',
    details: DATABASE_NOTE,
    run: () =>
      withDatabase(async (url) => {
        const dataSource = await new DataSource(dataSourceOptions(url, ENTITIES, MIGRATIONS)).initialize();
        try {
          const applied = await dataSource.runMigrations({ transaction: 'each' });
          process.stdout.write(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}\n` : 'No pending migrations.\n');
        } finally {
          await dataSource.destroy();
        }
      }),
  },
  {
    name: 'seed',
    args: '',
    summary: 'apply migrations and seed the founding council (idempotent)',
    details: `Prints the first secretariat login once, when it creates it. ${DATABASE_NOTE}`,
    run: () => withApp(async (_app, councilId) => void process.stdout.write(`Founding council ${councilId} is seeded.\n`)),
  },
  {
    name: 'seed:demo',
    args: '',
    summary: 'seed, then add the demo delegates, mandates and agreement (docs/compliance.md); never run by default',
    details: DATABASE_NOTE,
    run: () => withApp(async (app, councilId) => void process.stdout.write(`${await seedDemo(app, councilId)}\n`)),
  },
  {
    name: 'create-admin',
    args: '--email <email> [--name <display name>]',
    summary: 'create another secretariat account; prints its one-time activation token',
    details:
      'The token is shown once: hand it over privately. Its holder sets a password with the activateAccount mutation,\n' +
      'then must enrol a second factor before anything else. Written to the ledger as SECRETARIAT_ACCOUNT_CREATED.\n' +
      DATABASE_NOTE,
    run: async (argv) => {
      const { values } = options(argv, { email: { type: 'string' }, name: { type: 'string', default: 'Secretariat' } });
      if (!values.email || !EMAIL.test(values.email)) throw new UsageError('--email must be an email address');
      const name = values.name!.trim();
      if (!name || name.length > 120) throw new UsageError('--name must be 1 to 120 characters');
      await withApp(async (app, councilId) => {
        const invitation = await app.get(AccountService).createSecretariat(councilId, name, values.email!);
        process.stdout.write(
          `Secretariat account created for ${invitation.user.email}.\n  activation token: ${invitation.activationToken}\n` +
            `  valid until:      ${invitation.expiresAt.toISOString()}\nShown only once.\n`,
        );
      });
    },
  },
  {
    name: 'export',
    args: `[--url <graphql url>] [--out <dir>] [--council <id>]`,
    summary: 'write the ledger (ledger.jsonl) and the public data (public.jsonl) of a running server',
    details:
      `Reads only what the public API serves, so nothing personal can leave with it. --url defaults to ${DEFAULT_URL},\n` +
      '--out to ./council-export-<date>. Check the ledger file offline with `npm run council -- verify --file <dir>/ledger.jsonl`.',
    run: async (argv) => {
      const { values } = options(argv, {
        url: { type: 'string', default: DEFAULT_URL },
        out: { type: 'string' },
        council: { type: 'string' },
      });
      const dir = values.out ?? `council-export-${new Date().toISOString().slice(0, 10)}`;
      mkdirSync(dir, { recursive: true });
      const progress = new Progress(process.stderr);
      const ledger = await exportLedger(new GraphqlLedgerSource(values.url!, values.council), join(dir, 'ledger.jsonl'), (n) =>
        progress.update(`ledger: ${n} entries`),
      );
      const lists = await exportPublicData(values.url!, join(dir, 'public.jsonl'), (text) => progress.update(text));
      progress.done();
      process.stdout.write(
        `Wrote ${ledger.entries} ledger entries and ${ledger.checkpoints} checkpoints to ${join(dir, 'ledger.jsonl')}\n` +
          `Wrote ${Object.entries(lists)
            .map(([list, n]) => `${n} ${list}`)
            .join(', ')} to ${join(dir, 'public.jsonl')}\n`,
      );
    },
  },
  {
    name: 'verify',
    args: '(--url <graphql url> | --file <ledger.jsonl>) [verifier options]',
    summary: 'check the ledger without trusting the server (the verifier: npm run verify)',
    details:
      'Every option of the verifier; `npm run council -- verify --help` lists them. Exit code 0 when all holds, 1 when anything fails.',
    run: (argv) => runVerifierCli(['verify', ...argv], { stdout: process.stdout, stderr: process.stderr }),
  },
  {
    name: 'backup',
    args: '',
    summary: "print how to back up this deployment's database (commands for its port and directory)",
    details: "Prints, does not run: where a backup goes and who may read it is the operator's decision.",
    run: async () => {
      process.stdout.write(`${backupHints(loadConfig(), 'backup')}\n`);
    },
  },
  {
    name: 'restore',
    args: '',
    summary: 'print how to restore a backup made as `backup` describes',
    details: 'Prints, does not run: restoring replaces the database.',
    run: async () => {
      process.stdout.write(`${backupHints(loadConfig(), 'restore')}\n`);
    },
  },
  {
    name: 'migration:generate',
    args: '<PascalName>',
    summary: 'write migrations/<timestamp>-<Name>.ts from the entity changes',
    details: `Read the generated file, then commit it with the entity change. ${DATABASE_NOTE}`,
    run: (argv) => generateMigration(options(argv, {}).positionals[0]),
  },
  {
    name: 'schema',
    args: '',
    summary: 'write schema.gql from the code-first GraphQL types',
    details: 'A test fails while the committed schema.gql differs from the generated one.',
    run: () =>
      // Building the schema needs no database connection beyond the app's start-up.
      withDatabase(async (url, config) => {
        const app = await createApp({ ...config, logLevel: 'silent' }, url, createLogger('silent'));
        try {
          writeFileSync('schema.gql', printSortedSchema(app));
          process.stdout.write('Wrote schema.gql\n');
        } finally {
          await app.close();
        }
      }),
  },
];

const usage = (): string => {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return (
    'Usage: npm run council -- <command> [options]\n\nCommands:\n' +
    COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n') +
    `\n\n\`npm run council -- <command> --help\` describes one. ${DATABASE_NOTE}`
  );
};

const commandHelp = (c: Command): string =>
  `Usage: npm run council -- ${c.name}${c.args ? ` ${c.args}` : ''}\n\n${c.summary}.\n${c.details}`;

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    process.stdout.write(`${command ? commandHelp(command) : usage()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return EXIT.usage;
  }
  // The verifier has its own, longer help.
  if (command.name !== 'verify' && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }
  try {
    if (!command.args && rest.length) throw new UsageError(`takes no arguments, got ${rest.map((a) => `'${a}'`).join(' ')}`);
    return (await command.run(rest)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${error.message}\n\n${commandHelp(command)}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      return EXIT.config;
    }
    const message =
      error instanceof DomainError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name} failed: ${message}\n`);
    return EXIT.failed;
  }
}

runCli(process.argv.slice(2)).then((code) => process.exit(code));
