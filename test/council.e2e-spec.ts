import { FOUNDING_COMMITTEES, FOUNDING_DELEGATIONS } from '@gc/council';
import { codes, countQueries, startTestApp, TestApp } from './support/test-app';

describe('public council reads (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the seeded founding council with DOMAIN.md defaults', async () => {
    const { data, errors } = await t.gql(`{ council { id name foundedOn nextRegularSessionDue overdue settings {
      regularIntervalMonths minMandatesToSeat quorumNumerator quorumDenominator regularNoticeDays specialNoticeDays
      petitionExpiryDays petitionMaxExpiryDays specialSessionConveneDays voteWeighting minSponsors } } }`);
    expect(errors).toBeUndefined();
    expect(data!.council).toMatchObject({
      id: t.councilId,
      foundedOn: '2021-11-28',
      nextRegularSessionDue: '2023-11-28T00:00:00.000Z',
      overdue: true,
      settings: {
        regularIntervalMonths: 24,
        minMandatesToSeat: 1,
        quorumNumerator: 1,
        quorumDenominator: 2,
        regularNoticeDays: 14,
        specialNoticeDays: 7,
        petitionExpiryDays: 90,
        petitionMaxExpiryDays: 180,
        specialSessionConveneDays: 30,
        voteWeighting: 'ONE_PER_DELEGATE',
        minSponsors: 3,
      },
    });
  });

  it('lists the 24 founding delegations, paginated, and finds one by code', async () => {
    const all = await t.gql('{ delegations(limit: 200) { totalCount items { countryCode name } } }');
    expect(all.data!.delegations.totalCount).toBe(24);
    expect(all.data!.delegations.items.map((d: { countryCode: string }) => d.countryCode).sort()).toEqual(
      FOUNDING_DELEGATIONS.map((d) => d.code).sort(),
    );

    const page = await t.gql('{ delegations(limit: 5, offset: 19) { totalCount items { countryCode } } }');
    expect(page.data!.delegations.items.map((d: { countryCode: string }) => d.countryCode)).toEqual(['SE', 'SG', 'TJ', 'TR', 'US']);

    const byCode = await t.gql('{ delegationByCode(countryCode: "tj") { name countryCode } }');
    expect(byCode.data!.delegationByCode).toEqual({ name: 'Tajikistan', countryCode: 'TJ' });
  });

  it('lists the four founding committees by name, with their mandates', async () => {
    const { data } = await t.gql('{ committees { totalCount items { slug name mandate } } }');
    expect(data!.committees.totalCount).toBe(4);
    expect(data!.committees.items.map((c: { name: string }) => c.name)).toEqual(FOUNDING_COMMITTEES.map((c) => c.name).sort());
    for (const committee of data!.committees.items) expect(committee.mandate.length).toBeGreaterThan(50);
  });

  it('refuses page sizes above the maximum and bad ids with the field named', async () => {
    const tooBig = await t.gql('{ delegations(limit: 201) { totalCount } }');
    expect(tooBig.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'limit' });
    const badId = await t.gql('{ delegation(id: "42") { name } }');
    expect(badId.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    const unknown = await t.gql('{ delegation(id: "00000000-0000-4000-8000-000000000000") { name } }');
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const badCode = await t.gql('{ delegationByCode(countryCode: "XX") { name } }');
    expect(codes(badCode)).toEqual(['NOT_FOUND']);
  });

  it('reads delegations with coordinators and committees in a constant number of SQL statements', async () => {
    const query = '{ delegations(limit: 200) { items { countryCode coordinators { displayName } } } committees { items { name } } }';
    const before = await countQueries(() => t.gql(query));
    const token = await t.signIn();
    const delegations = await t.gql('{ delegations(limit: 200) { items { id } } }');
    for (const [i, d] of delegations.data!.delegations.items.slice(0, 12).entries()) {
      for (const n of [1, 2]) {
        const result = await t.gql(
          'mutation($input: AssignCoordinatorInput!) { assignCoordinator(input: $input) { activationToken } }',
          {
            input: { delegationId: d.id, displayName: `Coordinator ${i}-${n}`, email: `c${i}-${n}@example.org` },
          },
          token,
        );
        expect(result.errors).toBeUndefined();
      }
    }
    const after = await countQueries(async () => {
      const { data } = await t.gql(query);
      expect(data!.delegations.items.filter((d: { coordinators: unknown[] }) => d.coordinators.length === 2)).toHaveLength(12);
    });
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(5);
  });

  it('reports database health', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });
});
