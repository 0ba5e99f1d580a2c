import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { PERMISSIONS_KEY, PUBLIC_KEY } from '@gc/common';
import { printSortedSchema } from '../apps/api/src/graphql/schema-file';
import { codes, startTestApp, TestApp } from './support/test-app';

describe('API contract (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has a committed schema.gql identical to the one the code generates (npm run schema:generate)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    expect(printSortedSchema(t.app)).toBe(committed);
  });

  it('declares who may call every query, mutation and subscription (deny by default)', () => {
    const declared = new Map<string, string>();
    const undeclared: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || !wrapper.metatype) continue;
        const prototype = Object.getPrototypeOf(instance);
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const method = Object.getOwnPropertyDescriptor(prototype, name)?.value;
          const operationType = typeof method === 'function' ? Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) : undefined;
          if (!['Query', 'Mutation', 'Subscription'].includes(operationType)) continue;
          const isPublic = Reflect.getMetadata(PUBLIC_KEY, method) ?? Reflect.getMetadata(PUBLIC_KEY, wrapper.metatype);
          const permissions = Reflect.getMetadata(PERMISSIONS_KEY, method) ?? Reflect.getMetadata(PERMISSIONS_KEY, wrapper.metatype);
          if (isPublic || permissions?.length) declared.set(`${operationType}.${name}`, isPublic ? 'public' : permissions.join(','));
          else undeclared.push(`${wrapper.metatype.name}.${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    // Every root field of the schema was found by the walk above, so none escaped it.
    const { schema } = t.app.get(GraphQLSchemaHost);
    const rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
    );
    expect([...declared.keys()].sort()).toEqual(rootFields.sort());
  });

  it('refuses alias floods and batched requests before executing them', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: council { id }`).join(' ');
    const flood = await t.gql(`{ ${aliases} }`);
    expect(codes(flood)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(flood.errors![0].message).toMatch(/aliases/i);
    expect(flood.data).toBeUndefined();

    const batch = await t.post(JSON.stringify([{ query: '{ council { id } }' }, { query: '{ council { id } }' }]));
    expect(batch.status).toBe(400);
  });

  it('refuses request bodies over the limit', async () => {
    const padding = 'x'.repeat(6 * 1024 * 1024);
    const response = await t.post(JSON.stringify({ query: '{ council { id } }', variables: { padding } }));
    expect(response.status).toBe(413);
  });

  it('never shows stack traces or internal messages to clients', async () => {
    const bad = await t.gql('{ delegation(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(JSON.stringify(bad.errors)).not.toMatch(/stack|at .*\.js|SELECT|QueryFailedError/);
    const syntax = await t.gql('{ council { ');
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(codes(syntax)[0]);
    expect(JSON.stringify(syntax.errors)).not.toMatch(/stacktrace/);
  });
});

describe('query depth limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_DEPTH: '3' });
  });
  afterAll(() => t.close());

  it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH before executing it', async () => {
    expect((await t.gql('{ delegations { items { name } } }')).errors).toBeUndefined();
    const tooDeep = await t.gql('{ delegations { items { coordinators { displayName } } } }');
    expect(codes(tooDeep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(tooDeep.errors![0].message).toMatch(/depth/i);
  });
});

describe('API in production mode (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('turns introspection and field suggestions off', async () => {
    const introspection = await t.gql('{ __schema { types { name } } }');
    expect(codes(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const typo = await t.gql('{ councl { id } }');
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('serves no landing page', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<html/i);
  });
});
