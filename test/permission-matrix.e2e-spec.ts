import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DENIALS, Policy, ROWS } from './support/permission-rows';
import {
  AccessFixture,
  buildAccessFixture,
  documentFor,
  missingRequiredArgs,
  RoleName,
  ROLES,
  rootFields,
  subscribeOnce,
} from './support/access-fixtures';
import { codes, GqlResult, startTestApp, TestApp } from './support/test-app';

/*
 * The role table of ../shared/DOMAIN.md and the README, run as every role against every root operation. The rows,
 * and what `allowed` and each refusal code mean, are in ./support/permission-rows.ts (docs/security.md explains).
 */

/** What a result shows of the access checks: `allowed`, a refusal code, or something that proves neither. */
function observed(result: GqlResult, field: string): string {
  if (result.status >= 500) return `HTTP ${result.status}`;
  const errors = result.errors ?? [];
  const all = errors.map((e) => e.extensions?.code);
  if (all.includes('INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  const denial = all.find((code) => DENIALS.has(code));
  if (denial) {
    const refusedField = errors.every((e) => e.path === undefined || e.path[0] === field);
    return refusedField && result.data?.[field] == null ? denial : `${denial} with data`;
  }
  if (errors.length === 0) return result.data?.[field] !== undefined || result.data?.open ? 'allowed' : 'no data';
  // An error that the operation itself raised names its field; one without a path never reached it.
  return errors.every((e) => e.path?.[0] === field) ? 'allowed' : `not executed: ${all.join(',')}`;
}

describe('permission matrix (e2e)', () => {
  let t: TestApp;
  let fx: AccessFixture;
  let operations: ReturnType<typeof rootFields>;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await buildAccessFixture(t);
    operations = rootFields(t.app.get(GraphQLSchemaHost).schema);
  }, 180_000);
  afterAll(() => t?.close());

  it('has exactly one row for every query, mutation and subscription of the schema', () => {
    expect(Object.keys(ROWS).sort()).toEqual([...operations.keys()].sort());
  });

  it.each(Object.keys(ROWS))('%s: each role is allowed or refused as the role table says', async (name) => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`${name} is not in the schema`);
    const row = ROWS[name];
    const variables = row.variables?.(fx) ?? {};
    expect(missingRequiredArgs(operation.field, variables)).toEqual([]);
    const document = documentFor(operation.operation, operation.field, variables);
    const refusedFirst = [...ROLES].sort((a, b) => Number(row.policy[a] === 'allowed') - Number(row.policy[b] === 'allowed'));
    const actual: Partial<Policy> = {};
    const details: Record<string, string> = {};
    const check = async (role: RoleName) => {
      const token = fx.tokens[role];
      const result =
        operation.operation === 'subscription'
          ? await subscribeOnce(t.url, document, variables, token)
          : await t.gql(document, variables, token);
      actual[role] = observed(result, operation.field.name);
      if (actual[role] !== row.policy[role]) details[role] = JSON.stringify(codes(result));
    };
    // Subscriptions change nothing and wait for silence, so their roles run side by side.
    if (operation.operation === 'subscription') await Promise.all(refusedFirst.map(check));
    else for (const role of refusedFirst) await check(role);
    expect({ outcomes: actual, details }).toEqual({ outcomes: row.policy, details: {} });
  });
});
