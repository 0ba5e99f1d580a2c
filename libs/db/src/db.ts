import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

interface TransactionScope {
  manager: EntityManager;
  /** Run in order, inside the transaction, after its work and before it commits. */
  beforeCommit: (() => Promise<void>)[];
  /** Run once the transaction has committed; dropped on rollback. */
  afterCommit: (() => void)[];
  /** Per-transaction state of other modules, keyed by a symbol they own. */
  state: Map<symbol, unknown>;
}

const transactionScope = new AsyncLocalStorage<TransactionScope>();

export const DIRECT_DATABASE_URL = Symbol('DIRECT_DATABASE_URL');

/**
 * The one way to reach the database. Inside `transaction()` every repository call made in the same
 * async flow joins that transaction, so a mutation cannot write half of its state by accident.
 */
@Injectable()
export class Db {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    /**
     * The database without a pooler in between. The pool may go through PgBouncer in transaction mode, where each
     * transaction can land on another server connection; session state (LISTEN, session advisory locks) needs this.
     */
    @Inject(DIRECT_DATABASE_URL) readonly directUrl: string,
  ) {}

  /** The current transaction's manager, or the pool's manager outside a transaction. */
  get manager(): EntityManager {
    return transactionScope.getStore()?.manager ?? this.dataSource.manager;
  }

  /** The current transaction's manager; throws if called outside one. */
  get transactional(): EntityManager {
    const scope = transactionScope.getStore();
    if (!scope) throw new Error('This write must run inside Db.transaction()');
    return scope.manager;
  }

  get inTransaction(): boolean {
    return transactionScope.getStore() !== undefined;
  }

  /**
   * Runs raw SQL and returns its rows, in the current transaction when there is one. Use this rather
   * than `manager.query`, which returns `[rows, count]` for UPDATE and DELETE.
   */
  async rows<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const scoped = transactionScope.getStore()?.manager.queryRunner;
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
    const afterCommit: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) => {
      const scope: TransactionScope = { manager, beforeCommit: [], afterCommit, state: new Map() };
      return transactionScope.run(scope, async () => {
        const value = await work();
        for (const hook of scope.beforeCommit) await hook();
        return value;
      });
    });
    for (const callback of afterCommit) callback();
    return result;
  }

  /**
   * Runs `hook` at the end of the current transaction, after its work, before it commits; a hook that
   * throws rolls the transaction back. For writes that must take their lock last (the ledger).
   */
  beforeCommit(hook: () => Promise<void>): void {
    const scope = transactionScope.getStore();
    if (!scope) throw new Error('This write must run inside Db.transaction()');
    scope.beforeCommit.push(hook);
  }

  /** State that lives as long as the current transaction, created on first use. */
  transactionState<T>(key: symbol, create: () => T): T {
    const scope = transactionScope.getStore();
    if (!scope) throw new Error('This write must run inside Db.transaction()');
    if (!scope.state.has(key)) scope.state.set(key, create());
    return scope.state.get(key) as T;
  }

  /**
   * Runs `callback` after the current transaction commits (at once outside a transaction). For effects
   * others must not see before the data is visible, such as notifications.
   */
  afterCommit(callback: () => void): void {
    const scope = transactionScope.getStore();
    if (scope) scope.afterCommit.push(callback);
    else callback();
  }
}
