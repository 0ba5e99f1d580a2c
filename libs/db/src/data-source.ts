import { DataSourceOptions, Logger } from 'typeorm';

export type EntityList = Function[];

/** Counts SQL statements; tests use it to prove that reads do not grow with data size. */
export class QueryCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export const queryCounter = new QueryCounter();

export function dataSourceOptions(url: string, entities: EntityList, migrations: EntityList): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install, so no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: ['query'],
    logger: queryCounter,
    extra: { max: 20, application_name: 'global-council' },
  };
}
