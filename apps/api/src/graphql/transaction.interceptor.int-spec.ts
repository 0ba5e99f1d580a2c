import { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { lastValueFrom, Observable } from 'rxjs';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { TransactionInterceptor } from './transaction.interceptor';

const field = { type: GraphQLString };
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { q: field } }),
  mutation: new GraphQLObjectType({ name: 'Mutation', fields: { m: field } }),
});

/** An execution context for a root field of the given type, as Nest's GraphQL layer builds it. */
function graphqlContext(parentType: 'Query' | 'Mutation'): ExecutionContext {
  const info = { parentType: schema.getType(parentType), schema };
  return {
    getType: () => 'graphql',
    getHandler: () => function handler() {},
    getClass: () => class Resolver {},
    getArgs: () => [{}, {}, {}, info],
    getArgByIndex: (i: number) => [{}, {}, {}, info][i],
    switchToHttp: () => ({}) as never,
    switchToRpc: () => ({}) as never,
    switchToWs: () => ({}) as never,
  } as unknown as ExecutionContext;
}

describe('TransactionInterceptor (integration, real PostgreSQL)', () => {
  let t: TestApp;
  let db: Db;
  let interceptor: TransactionInterceptor;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    interceptor = new TransactionInterceptor(db, t.app.get(Reflector));
  });
  afterAll(() => t.close());

  const committeeCount = async () => (await db.rows<{ n: number }>("SELECT count(*)::int AS n FROM committee WHERE slug = 'doomed'"))[0].n;
  const ledgerSize = async () => (await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entry'))[0].n;

  /** A resolver body that writes a row and a ledger entry, then fails. */
  const failingMutation: CallHandler = {
    handle: () =>
      new Observable((subscriber) => {
        (async () => {
          await db.rows("INSERT INTO committee (council_id, slug, name, mandate) VALUES ($1, 'doomed', 'Doomed', 'Never kept')", [
            t.councilId,
          ]);
          await t.app.get(LedgerService).append(t.councilId, 'system', 'COMMITTEE_CREATED', { slug: 'doomed' });
          throw new Error('fails after writing');
        })().then(
          (value) => subscriber.next(value),
          (error) => subscriber.error(error),
        );
      }),
  };

  it('rolls back everything a failing mutation wrote, ledger entry included', async () => {
    const before = await ledgerSize();
    await expect(lastValueFrom(interceptor.intercept(graphqlContext('Mutation'), failingMutation))).rejects.toThrow('fails after writing');
    expect(await committeeCount()).toBe(0);
    expect(await ledgerSize()).toBe(before);
  });

  it('opens no transaction for queries, so a write there is refused by the ledger', async () => {
    await expect(lastValueFrom(interceptor.intercept(graphqlContext('Query'), failingMutation))).rejects.toThrow(/inside Db.transaction/);
    await db.rows("DELETE FROM committee WHERE slug = 'doomed'");
  });
});
