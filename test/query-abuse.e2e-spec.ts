import { codes, countQueries, GqlResult, startTestApp, TestApp } from './support/test-app';

/**
 * Query abuse is refused before execution, with a clear error: not a single SQL statement runs. The
 * simplest alias flood, batching, the body limit and the depth limit are in api-contract.e2e-spec.ts;
 * these are the shapes that try to get around them. bench/query-abuse.bench.ts measures the server's
 * memory under an alias flood.
 */
describe('query abuse (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The result, and how many SQL statements the app ran for it. */
  const attempt = async (query: string, variables?: Record<string, unknown>) => {
    let result: GqlResult | undefined;
    const statements = await countQueries(async () => {
      result = await t.gql(query, variables);
    });
    return { result: result!, statements };
  };

  const refusedBeforeExecution = async (query: string, message: RegExp, code = 'GRAPHQL_VALIDATION_FAILED') => {
    const { result, statements } = await attempt(query);
    expect(codes(result)).toContain(code);
    expect(result.errors!.map((e) => e.message).join(' ')).toMatch(message);
    expect(result.data).toBeUndefined();
    expect(statements).toBe(0);
  };

  it('runs an ordinary query (so the refusals below are about their shape)', async () => {
    const { result, statements } = await attempt('{ council { id name } delegations(limit: 5) { items { countryCode } } }');
    expect(result.errors).toBeUndefined();
    expect(statements).toBeGreaterThan(0);
  });

  it('refuses aliases hidden in a fragment spread many times', async () => {
    const fragment = 'fragment F on Council { ' + Array.from({ length: 10 }, (_, i) => `a${i}: name`).join(' ') + ' }';
    await refusedBeforeExecution(`{ council { ...F } x: council { ...F } } ${fragment}`, /aliases/i);
  });

  it('refuses a fragment bomb: fragments that each spread the next twice', async () => {
    const levels = 20;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Council { id name }` : `fragment F${i} on Council { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    // 2^19 copies of the last fragment's fields, in fewer than 200 tokens: the cost limit stops it.
    await refusedBeforeExecution(`{ council { ...F0 } } ${fragments}`, /cost/i);
  });

  it('refuses fragment cycles', async () => {
    await refusedBeforeExecution(
      '{ council { ...A } } fragment A on Council { ...B } fragment B on Council { ...A }',
      /cannot spread fragment|cycle/i,
    );
  });

  it('refuses nesting deeper than the limit, also when fragments hide it', async () => {
    // AgreementTerm.agreement -> Agreement.terms -> AgreementTerm: each fragment adds two levels.
    const fragments = Array.from({ length: 6 }, (_, i) =>
      i === 5 ? 'fragment T5 on AgreementTerm { id }' : `fragment T${i} on AgreementTerm { agreement { terms { ...T${i + 1} } } }`,
    ).join(' ');
    await refusedBeforeExecution(`{ agreements { items { terms { ...T0 } } } } ${fragments}`, /depth/i);
  });

  it('refuses a directive flood', async () => {
    const directives = Array.from({ length: 25 }, () => '@include(if: true)').join(' ');
    await refusedBeforeExecution(`{ council ${directives} { id } }`, /directives/i);
  });

  it('refuses a document of more tokens than the limit', async () => {
    const fields = Array.from({ length: 2500 }, () => 'id').join(' ');
    const { result, statements } = await attempt(`{ council { ${fields} } }`);
    // The client's fault, so 400 (graphql-armor's own token limit answered 500).
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(result.errors![0].message).toMatch(/2000 tokens/);
    expect(statements).toBe(0);
  });

  it('refuses several operations in one document without a name to choose, and batched arrays', async () => {
    const { result, statements } = await attempt('query A { council { id } } query B { council { id } }');
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(statements).toBe(0);
    const batch = await t.post(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ council { id } }' }))));
    expect(batch.status).toBe(400);
  });

  it('refuses an oversized body with HTTP 413, whatever part of it is large', async () => {
    // The limit (MAX_REQUEST_BODY_BYTES, 5 MiB by default: a 10,000-row CSV import must fit) counts the whole body.
    const longQuery = await t.post(JSON.stringify({ query: `{ council { id } } # ${'x'.repeat(6 * 1024 * 1024)}` }));
    expect(longQuery.status).toBe(413);
  });
});
