export * from './db';
export * from './db.module';
export * from './data-source';
export * from './embedded-postgres';
