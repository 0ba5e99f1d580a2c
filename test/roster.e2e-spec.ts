import { createDelegate, CSV_HEADER, delegationId, importCsv, signUpCoordinator } from './support/delegation-fixtures';
import { codes, countQueries, GqlResult, startTestApp, TestApp } from './support/test-app';

const ADD = 'mutation($input: CommitteeMemberInput!) { addCommitteeMember(input: $input) { id } }';
const REMOVE = 'mutation($input: CommitteeMemberInput!) { removeCommitteeMember(input: $input) { id } }';
const CHAIR = 'mutation($input: CommitteeMemberInput!) { setCommitteeChair(input: $input) { id } }';
const COMMITTEE = `query($id: ID!) { committee(id: $id) { name chair { displayName } members { totalCount items { displayName seated } } } }`;

describe('committee membership (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let coordinator: string;
  let legal: string;
  let information: string;
  const delegate: Record<string, string> = {};

  const committee = async (id: string) => {
    const { data, errors } = await t.gql(COMMITTEE, { id });
    expect(errors).toBeUndefined();
    return {
      chair: data!.committee.chair?.displayName ?? null,
      members: data!.committee.members.items.map((m: { displayName: string }) => m.displayName),
    };
  };
  const member = (committeeId: string, delegateId: string, mutation = ADD, token = secretariat): Promise<GqlResult> =>
    t.gql(mutation, { input: { committeeId, delegateId } }, token);

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    const de = await delegationId(t, 'DE');
    coordinator = await signUpCoordinator(t, secretariat, de, 'coordinator.de@example.org');
    delegate.anna = await createDelegate(t, coordinator, de, 'Anna Karimova');
    delegate.boris = await createDelegate(t, coordinator, de, 'Boris Sattorov');
    delegate.chen = await createDelegate(t, coordinator, de, 'Chen Li', false);
    const { data } = await t.gql('{ committees { items { id slug } } }');
    const bySlug = Object.fromEntries(data!.committees.items.map((c: { id: string; slug: string }) => [c.slug, c.id]));
    legal = bySlug.legal;
    information = bySlug.information;
  });
  afterAll(() => t.close());

  it('seats accredited delegates on committees, several each, and names one chair', async () => {
    for (const id of [delegate.anna, delegate.boris]) expect((await member(legal, id)).errors).toBeUndefined();
    expect((await member(information, delegate.anna)).errors).toBeUndefined();
    expect((await member(legal, delegate.anna, CHAIR)).errors).toBeUndefined();
    expect(await committee(legal)).toEqual({ chair: 'Anna Karimova', members: ['Anna Karimova', 'Boris Sattorov'] });
    expect(await committee(information)).toEqual({ chair: null, members: ['Anna Karimova'] });
  });

  it('moves the chair to another member; the previous chair stays a member', async () => {
    expect((await member(legal, delegate.boris, CHAIR)).errors).toBeUndefined();
    expect(await committee(legal)).toEqual({ chair: 'Boris Sattorov', members: ['Anna Karimova', 'Boris Sattorov'] });
    expect(await t.sql('SELECT count(*)::int AS n FROM committee_member WHERE committee_id = $1 AND chair', [legal])).toEqual([{ n: 1 }]);
  });

  it('has the database refuse a second chair, whatever the application does', async () => {
    await expect(t.sql('UPDATE committee_member SET chair = true WHERE committee_id = $1', [legal])).rejects.toMatchObject({
      code: '23505',
      constraint: 'UQ_committee_member_one_chair',
    });
  });

  it('refuses a delegate who is not accredited, a second seat, a chair who is not a member, and callers other than the secretariat', async () => {
    const before = await t.sql('SELECT * FROM committee_member ORDER BY committee_id, delegate_id');
    expect((await member(legal, delegate.chen)).errors![0].extensions).toEqual({ code: 'NOT_ACCREDITED', field: 'input.delegateId' });
    expect((await member(legal, delegate.anna)).errors![0].extensions).toEqual({ code: 'ALREADY_EXISTS', field: 'input.delegateId' });
    expect((await member(information, delegate.boris, CHAIR)).errors![0].extensions).toEqual({
      code: 'NOT_COMMITTEE_MEMBER',
      field: 'input.delegateId',
    });
    expect((await member(information, delegate.boris, REMOVE)).errors![0].extensions).toEqual({
      code: 'NOT_COMMITTEE_MEMBER',
      field: 'input.delegateId',
    });
    expect(codes(await member(legal, delegate.chen, ADD, coordinator))).toEqual(['FORBIDDEN']);
    expect(codes(await member('00000000-0000-4000-8000-000000000000', delegate.anna))).toEqual(['NOT_FOUND']);
    expect(await t.sql('SELECT * FROM committee_member ORDER BY committee_id, delegate_id')).toEqual(before);
  });

  it('removes a member; removing the chair leaves the committee without one', async () => {
    expect((await member(legal, delegate.boris, REMOVE)).errors).toBeUndefined();
    expect(await committee(legal)).toEqual({ chair: null, members: ['Anna Karimova'] });
  });

  it('takes a delegate off every committee when their accreditation is withdrawn', async () => {
    await member(legal, delegate.anna, CHAIR);
    const withdrawn = await t.gql(
      'mutation($id: ID!) { withdrawAccreditation(input: { delegateId: $id }) { accredited } }',
      { id: delegate.anna },
      coordinator,
    );
    expect(withdrawn.data!.withdrawAccreditation).toEqual({ accredited: false });
    expect(await committee(legal)).toEqual({ chair: null, members: [] });
    expect(await committee(information)).toEqual({ chair: null, members: [] });
    const removals = await t.sql<{ canonical: string }>(
      `SELECT canonical FROM ledger_entry WHERE kind = 'COMMITTEE_MEMBER_REMOVED' ORDER BY seq`,
    );
    expect(removals.map((r) => JSON.parse(r.canonical).payload.reason)).toEqual([
      'REMOVED',
      'ACCREDITATION_WITHDRAWN',
      'ACCREDITATION_WITHDRAWN',
    ]);
  });
});

describe('roster reads (e2e)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  const ROSTERS = `{ council { seatedDelegateCount }
    delegations(limit: 200) { items { countryCode seatedDelegateCount coordinators { displayName }
      delegates { totalCount items { displayName accredited seated activeMandateCount voteWeight } } } }
    committees { items { name chair { displayName seated } members { totalCount items { displayName seated activeMandateCount } } } } }`;

  it('reads delegations with their delegates and committees with their members in a constant number of SQL statements', async () => {
    t = await startTestApp();
    const secretariat = await t.signIn();
    const { data } = await t.gql('{ delegations(limit: 200) { items { id countryCode } } committees { items { id } } }');
    const delegations: { id: string; countryCode: string }[] = data!.delegations.items;
    const committees: string[] = data!.committees.items.map((c: { id: string }) => c.id);

    /** A coordinator, three delegates (two accredited) and four constituents with mandates per delegation; the first delegate chairs committee `k`. */
    const populate = async (delegation: { id: string; countryCode: string }, k: number) => {
      const coordinator = await signUpCoordinator(t, secretariat, delegation.id, `c.${delegation.countryCode.toLowerCase()}@example.org`);
      const names = ['One', 'Two', 'Three'].map((n) => `${delegation.countryCode} ${n}`);
      const ids = [
        await createDelegate(t, coordinator, delegation.id, names[0]),
        await createDelegate(t, coordinator, delegation.id, names[1]),
      ];
      ids.push(await createDelegate(t, coordinator, delegation.id, names[2], false));
      const csv = [CSV_HEADER, ...[0, 1, 2, 3].map((i) => `P${i},p${i}.${delegation.countryCode}@example.org,,,,${names[i % 3]},`)].join(
        '\r\n',
      );
      expect((await importCsv(t, coordinator, delegation.id, csv)).errors).toBeUndefined();
      const committee = committees[k % committees.length];
      for (const id of ids.slice(0, 2)) {
        expect((await t.gql(ADD, { input: { committeeId: committee, delegateId: id } }, secretariat)).errors).toBeUndefined();
      }
      await t.gql(CHAIR, { input: { committeeId: committee, delegateId: ids[0] } }, secretariat);
    };

    await populate(delegations[0], 0);
    const small = await countQueries(async () => {
      const result = await t.gql(ROSTERS);
      expect(result.errors).toBeUndefined();
      expect(result.data!.council.seatedDelegateCount).toBe(2);
    });

    for (const [k, delegation] of delegations.slice(1, 12).entries()) await populate(delegation, k + 1);
    const large = await countQueries(async () => {
      const { data: rosters, errors } = await t.gql(ROSTERS);
      expect(errors).toBeUndefined();
      expect(rosters!.council.seatedDelegateCount).toBe(24);
      const populated = rosters!.delegations.items.filter((d: { delegates: { totalCount: number } }) => d.delegates.totalCount === 3);
      expect(populated).toHaveLength(12);
      for (const d of populated) {
        expect(d.seatedDelegateCount).toBe(2);
        expect(d.coordinators).toHaveLength(1);
        expect(d.delegates.items.map((x: { activeMandateCount: number; seated: boolean }) => [x.activeMandateCount, x.seated])).toEqual(
          // By name: "One" (2 mandates), "Three" (1, not accredited), "Two" (1).
          [
            [2, true],
            [1, false],
            [1, true],
          ],
        );
      }
      const members = rosters!.committees.items.map((c: { members: { totalCount: number } }) => c.members.totalCount);
      expect(members.reduce((a: number, b: number) => a + b, 0)).toBe(24);
      for (const c of rosters!.committees.items) expect(c.chair).toMatchObject({ seated: true });
    });
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(16);
  });

  it('pages the delegates of a delegation and the members of a committee, with a maximum page size', async () => {
    const { data } = await t.gql(`{ delegations(limit: 1) { items { delegates(limit: 2, offset: 1) { totalCount items { displayName } } } }
      committees(limit: 1) { items { members(limit: 1, offset: 1) { totalCount items { displayName } } } } }`);
    expect(data!.delegations.items[0].delegates).toEqual({
      totalCount: 3,
      items: [{ displayName: 'AE Three' }, { displayName: 'AE Two' }],
    });
    expect(data!.committees.items[0].members.totalCount).toBeGreaterThan(1);
    expect(data!.committees.items[0].members.items).toHaveLength(1);
    const tooBig = await t.gql('{ delegations(limit: 1) { items { delegates(limit: 201) { totalCount } } } }');
    expect(tooBig.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});
