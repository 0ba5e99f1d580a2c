import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const transactionScope = new AsyncLocalStorage<EntityManager>();

/**
 * The one way to reach the database. Inside `transaction()` every repository call made in the same
 * async flow joins that transaction, so a mutation cannot write half of its state by accident.
 */
@Injectable()
export class Db {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** The current transaction's manager, or the pool's manager outside a transaction. */
  get manager(): EntityManager {
    return transactionScope.getStore() ?? this.dataSource.manager;
  }

  /** The current transaction's manager; throws if called outside one. */
  get transactional(): EntityManager {
    const manager = transactionScope.getStore();
    if (!manager) throw new Error('This write must run inside Db.transaction()');
    return manager;
  }

  get inTransaction(): boolean {
    return transactionScope.getStore() !== undefined;
  }

  /**
   * Runs raw SQL and returns its rows, in the current transaction when there is one. Use this rather
   * than `manager.query`, which returns `[rows, count]` for UPDATE and DELETE.
   */
  async rows<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const scoped = transactionScope.getStore()?.queryRunner;
    const runner = scoped ?? this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, parameters, true)).records as T[];
    } finally {
      if (!scoped) await runner.release();
    }
  }

  /** Like `rows`, for statements that must run inside the current transaction (writes, locks). */
  write<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    if (!this.inTransaction) throw new Error('This write must run inside Db.transaction()');
    return this.rows<T>(sql, parameters);
  }

  /** Runs `work` in a transaction, or joins the one already open in this async flow. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.dataSource.transaction((manager) => transactionScope.run(manager, work));
  }
}
