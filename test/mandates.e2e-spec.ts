import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MandateExpiryService } from '@gc/mandates';
import { activate, createDelegate, CSV_HEADER, delegationId, importCsv, signUpCoordinator } from './support/delegation-fixtures';
import { codes, GqlResult, startTestApp, TestApp } from './support/test-app';

/** The constituent whose identity must never show up outside the coordinators' own reads. */
const SEEDED = {
  name: 'Zebulon Quixotic-Marlowe',
  email: 'zq.marlowe.seed@example.net',
  phone: '+41 79 555 01 23',
  city: 'Winterthur-Seen',
};

const ISSUE = `mutation($input: IssueMandateInput!) { issueMandate(input: $input) { id status constituentRef delegate { displayName } } }`;
const REVOKE = `mutation($id: ID!) { revokeMandate(input: { mandateId: $id }) { id status endedAt } }`;
const TRANSFER = `mutation($input: TransferMandateInput!) { transferMandate(input: $input) { id status delegateId expiresAt } }`;
const REGISTER = `mutation($input: RegisterConstituentInput!) { registerConstituent(input: $input) { id ref name email phone } }`;
const CONSTITUENTS = `query($d: ID!) { constituents(delegationId: $d, limit: 200) { totalCount items { id ref name email phone city
  activeMandate { id status expiresAt delegate { displayName } } } } }`;
const ROSTER = `query($d: ID!) { council { seatedDelegateCount } delegation(id: $d) { seatedDelegateCount coordinators { displayName }
  delegates { totalCount items { id displayName accredited seated activeMandateCount voteWeight } } } }`;
const SEATED_AT = `query($at: DateTime!) { seatedDelegatesAt(at: $at) { totalCount items { displayName } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a delegation run by its coordinator (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let coordinator: string;
  let otherCoordinator: string;
  let de: string;
  let fr: string;
  const delegate: Record<string, string> = {};
  const constituent: Record<string, { id: string; mandateId: string | null }> = {};
  const instants: Record<string, string> = {};

  const roster = async () => {
    const { data, errors } = await t.gql(ROSTER, { d: de });
    expect(errors).toBeUndefined();
    const byName = Object.fromEntries(data!.delegation.delegates.items.map((d: { displayName: string }) => [d.displayName, d]));
    return { seated: data!.council.seatedDelegateCount as number, delegation: data!.delegation, byName };
  };
  const seatedCount = async () => (await roster()).seated;
  const mark = async (label: string) => {
    instants[label] = (await t.sql<{ now: Date }>('SELECT now()'))[0].now.toISOString();
    await sleep(5);
  };
  const refreshMandates = async () => {
    const { data } = await t.gql(CONSTITUENTS, { d: de }, coordinator);
    for (const c of data!.constituents.items) constituent[c.name] = { id: c.id, mandateId: c.activeMandate?.id ?? null };
    return data!.constituents.items as {
      name: string;
      ref: string;
      activeMandate: { status: string; delegate: { displayName: string } } | null;
    }[];
  };

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug' });
    secretariat = await t.signIn();
    de = await delegationId(t, 'DE');
    fr = await delegationId(t, 'FR');
    coordinator = await signUpCoordinator(t, secretariat, de, 'coordinator.de@example.org');
    otherCoordinator = await signUpCoordinator(t, secretariat, fr, 'coordinator.fr@example.org');
  });
  afterAll(() => t.close());

  describe('the whole life of a delegation, with the seated count after each step', () => {
    it('creates delegates and accredits two of them: nobody is seated without mandates', async () => {
      await mark('start');
      delegate.anna = await createDelegate(t, coordinator, de, 'Anna Karimova');
      delegate.boris = await createDelegate(t, coordinator, de, 'Boris Sattorov');
      delegate.chen = await createDelegate(t, coordinator, de, 'Chen Li', false);
      const { seated, delegation, byName } = await roster();
      expect(seated).toBe(0);
      expect(delegation.delegates.totalCount).toBe(3);
      expect(delegation.coordinators).toEqual([{ displayName: 'Coordinator coordinator.de@example.org' }]);
      expect(byName['Anna Karimova']).toMatchObject({ accredited: true, seated: false, activeMandateCount: 0, voteWeight: 0 });
      expect(byName['Chen Li']).toMatchObject({ accredited: false, seated: false });
    });

    it('imports constituents with their mandates from CSV: two delegates are seated', async () => {
      const csv = [
        CSV_HEADER,
        `${SEEDED.name},${SEEDED.email},${SEEDED.phone},${SEEDED.city},"met at ""Navruz"", 2025",Anna Karimova,`,
        'Dilnoza R,dilnoza@example.org,,Berlin,,anna karimova,2099-12-31',
        `Farrukh S,,+49 151 000 0001,,,${delegate.boris},`,
        'Gulnora T,gulnora@example.org,,,,Boris Sattorov,',
        'Hamid U,hamid@example.org,,,,,',
      ].join('\r\n');
      const result = await importCsv(t, coordinator, de, csv);
      expect(result.errors).toBeUndefined();
      expect(result.data!.importConstituents).toEqual({ constituentsImported: 5, mandatesIssued: 4 });
      const { seated, byName } = await roster();
      expect(seated).toBe(2);
      expect(byName['Anna Karimova']).toMatchObject({ seated: true, activeMandateCount: 2, voteWeight: 1 });
      expect(byName['Boris Sattorov']).toMatchObject({ seated: true, activeMandateCount: 2 });
      const listed = await refreshMandates();
      expect(listed.find((c) => c.name === SEEDED.name)).toMatchObject({
        ref: expect.stringMatching(/^C-/),
        activeMandate: { status: 'ACTIVE', delegate: { displayName: 'Anna Karimova' } },
      });
      await mark('imported');
    });

    it('issues a mandate to a delegate who is not accredited: no seat until the accreditation', async () => {
      const issued = await t.gql(ISSUE, { input: { constituentId: constituent['Hamid U'].id, delegateId: delegate.chen } }, coordinator);
      expect(issued.errors).toBeUndefined();
      expect(issued.data!.issueMandate).toMatchObject({
        status: 'ACTIVE',
        constituentRef: expect.stringMatching(/^C-/),
        delegate: { displayName: 'Chen Li' },
      });
      constituent['Hamid U'].mandateId = issued.data!.issueMandate.id;
      expect(await seatedCount()).toBe(2);
      await t.gql('mutation($id: ID!) { accreditDelegate(input: { delegateId: $id }) { accredited } }', { id: delegate.chen }, coordinator);
      expect(await seatedCount()).toBe(3);
      await mark('chenSeated');
    });

    it('transfers that mandate to another delegate in one step: Chen loses the seat, Anna gains a mandate', async () => {
      const result = await t.gql(
        TRANSFER,
        { input: { mandateId: constituent['Hamid U'].mandateId, toDelegateId: delegate.anna } },
        coordinator,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.transferMandate).toMatchObject({ status: 'ACTIVE', delegateId: delegate.anna });
      const { seated, byName } = await roster();
      expect(seated).toBe(2);
      expect(byName['Chen Li']).toMatchObject({ seated: false, activeMandateCount: 0 });
      expect(byName['Anna Karimova']).toMatchObject({ activeMandateCount: 3 });
      const states = await t.sql<{ status: string }>(
        'SELECT m.status FROM mandate m JOIN constituent c ON c.id = m.constituent_id WHERE c.id = $1 ORDER BY m.issued_at',
        [constituent['Hamid U'].id],
      );
      expect(states.map((s) => s.status)).toEqual(['SUPERSEDED', 'ACTIVE']);
      await mark('transferred');
    });

    it('lets a mandate expire: the seat goes at the expiry, before any sweep, and the sweep records it', async () => {
      const registered = await t.gql(
        REGISTER,
        { input: { delegationId: de, name: 'Iskandar V', email: 'iskandar@example.org' } },
        coordinator,
      );
      const expiresAt = new Date(Date.now() + 1500);
      const issued = await t.gql(
        ISSUE,
        { input: { constituentId: registered.data!.registerConstituent.id, delegateId: delegate.chen, expiresAt } },
        coordinator,
      );
      expect(issued.errors).toBeUndefined();
      expect(await seatedCount()).toBe(3);
      await sleep(expiresAt.getTime() - Date.now() + 50);
      expect(await seatedCount()).toBe(2);
      expect((await roster()).byName['Chen Li']).toMatchObject({ seated: false, activeMandateCount: 0 });
      expect((await refreshMandates()).find((c) => c.name === 'Iskandar V')!.activeMandate).toBeNull();
      expect(await t.sql(`SELECT status FROM mandate WHERE id = $1`, [issued.data!.issueMandate.id])).toEqual([{ status: 'ACTIVE' }]);

      expect(await t.app.get(MandateExpiryService).sweep()).toBe(1);
      expect(await t.sql(`SELECT status FROM mandate WHERE id = $1`, [issued.data!.issueMandate.id])).toEqual([{ status: 'EXPIRED' }]);
      const [last] = await t.sql<{ reason: string; to_seated: boolean; at: Date }>(
        'SELECT reason, to_seated, at FROM seat_history WHERE delegate_id = $1 ORDER BY seq DESC LIMIT 1',
        [delegate.chen],
      );
      expect(last).toEqual({ reason: 'MANDATE_EXPIRED', to_seated: false, at: expiresAt });
      expect(await seatedCount()).toBe(2);
    });

    it('revokes mandates one at a time: Boris keeps the seat with one left and loses it with none', async () => {
      await refreshMandates();
      const first = await t.gql(REVOKE, { id: constituent['Farrukh S'].mandateId }, coordinator);
      expect(first.data!.revokeMandate).toMatchObject({ status: 'REVOKED', endedAt: expect.any(String) });
      expect(await seatedCount()).toBe(2);
      await t.gql(REVOKE, { id: constituent['Gulnora T'].mandateId }, coordinator);
      const { seated, byName } = await roster();
      expect(seated).toBe(1);
      expect(byName['Boris Sattorov']).toMatchObject({ seated: false, activeMandateCount: 0, voteWeight: 0 });
      expect(byName['Anna Karimova']).toMatchObject({ seated: true, activeMandateCount: 3 });
      await mark('revoked');
    });

    it('answers who was seated at any earlier instant from the seat history', async () => {
      const names = async (label: string) => {
        const { data, errors } = await t.gql(SEATED_AT, { at: instants[label] });
        expect(errors).toBeUndefined();
        return data!.seatedDelegatesAt.items.map((d: { displayName: string }) => d.displayName);
      };
      expect(await names('start')).toEqual([]);
      expect(await names('imported')).toEqual(['Anna Karimova', 'Boris Sattorov']);
      expect(await names('chenSeated')).toEqual(['Anna Karimova', 'Boris Sattorov', 'Chen Li']);
      expect(await names('transferred')).toEqual(['Anna Karimova', 'Boris Sattorov']);
      expect(await names('revoked')).toEqual(['Anna Karimova']);
      const future = await t.gql(SEATED_AT, { at: new Date(Date.now() + 3600_000).toISOString() });
      expect(future.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'at' });
    });

    it("gives a delegate a login that shows their own mandate count, seat and weight, and nobody's identity", async () => {
      const invited = await t.gql(
        'mutation($input: CreateDelegateLoginInput!) { createDelegateLogin(input: $input) { activationToken delegate { displayName } } }',
        { input: { delegateId: delegate.anna, email: 'anna.karimova@example.org' } },
        coordinator,
      );
      expect(invited.errors).toBeUndefined();
      const anna = await activate(t, invited.data!.createDelegateLogin.activationToken);
      const me = await t.gql('{ me { role delegationId } myDelegate { displayName seated activeMandateCount voteWeight } }', {}, anna);
      expect(me.data).toEqual({
        me: { role: 'DELEGATE', delegationId: de },
        myDelegate: { displayName: 'Anna Karimova', seated: true, activeMandateCount: 3, voteWeight: 1 },
      });
      delegate.annaToken = anna;
      const again = await t.gql(
        'mutation($input: CreateDelegateLoginInput!) { createDelegateLogin(input: $input) { activationToken } }',
        { input: { delegateId: delegate.anna, email: 'anna.second@example.org' } },
        coordinator,
      );
      expect(again.errors![0].extensions).toEqual({ code: 'ALREADY_EXISTS', field: 'input.delegateId' });
    });

    it('exports the constituents and their active mandates as CSV for the coordinator', async () => {
      const { data, errors } = await t.gql('query($d: ID!) { constituentsCsv(delegationId: $d) { csv rowCount } }', { d: de }, coordinator);
      expect(errors).toBeUndefined();
      const lines = data!.constituentsCsv.csv.split('\r\n');
      expect(lines[0]).toBe('name,email,phone,city,notes,delegate,expires_at,mandate_status,reference');
      expect(data!.constituentsCsv.rowCount).toBe(6);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^Zebulon Quixotic-Marlowe,zq\.marlowe\.seed@example\.net,\+41795550123,Winterthur-Seen,"met at ""Navruz"", 2025",Anna Karimova,,ACTIVE,C-/,
        ),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(/^Dilnoza R,dilnoza@example\.org,,Berlin,,Anna Karimova,2100-01-01T00:00:00\.000Z,ACTIVE,C-/),
      );
      expect(lines).toContainEqual(expect.stringMatching(/^Farrukh S,,\+491510000001,,,,,,C-/));
    });

    it('erases a constituent on request: identity destroyed, mandate revoked, only the reference remains', async () => {
      const target = constituent['Dilnoza R'];
      const [{ ref }] = await t.sql<{ ref: string }>('SELECT ref FROM constituent WHERE id = $1', [target.id]);
      const erased = await t.gql(
        'mutation($id: ID!) { eraseConstituent(input: { constituentId: $id }) { ref mandatesRevoked } }',
        { id: target.id },
        coordinator,
      );
      expect(erased.data!.eraseConstituent).toEqual({ ref, mandatesRevoked: 1 });
      expect((await roster()).byName['Anna Karimova']).toMatchObject({ activeMandateCount: 2, seated: true });
      const [row] = await t.sql(
        'SELECT name_cipher, email_cipher, phone_cipher, city_cipher, notes_cipher, email_index, phone_index, erased_at FROM constituent WHERE id = $1',
        [target.id],
      );
      expect(row).toEqual({
        name_cipher: null,
        email_cipher: null,
        phone_cipher: null,
        city_cipher: null,
        notes_cipher: null,
        email_index: null,
        phone_index: null,
        erased_at: expect.any(Date),
      });
      const read = await t.gql('query($id: ID!) { constituent(id: $id) { name } }', { id: target.id }, coordinator);
      expect(read.errors![0].extensions).toEqual({ code: 'CONSTITUENT_ERASED', field: 'id' });
      const ledger = await t.sql<{ kind: string; canonical: string }>(
        `SELECT kind, canonical FROM ledger_entry WHERE canonical LIKE $1 ORDER BY seq`,
        [`%${ref}%`],
      );
      expect(ledger.map((e) => e.kind)).toEqual(['MANDATE_REVOKED', 'CONSTITUENT_ERASED']);
      // The same email may be registered again after erasure: nothing of the old identity is left to match.
      const again = await t.gql(REGISTER, { input: { delegationId: de, name: 'Dilnoza R', email: 'dilnoza@example.org' } }, coordinator);
      expect(again.errors).toBeUndefined();
    });

    it('records every step in the ledger with references and counts only', async () => {
      const kinds = (await t.sql<{ kind: string }>('SELECT kind FROM ledger_entry ORDER BY seq')).map((r) => r.kind);
      for (const kind of [
        'DELEGATE_CREATED',
        'DELEGATE_ACCREDITED',
        'CONSTITUENTS_IMPORTED',
        'MANDATE_ISSUED',
        'MANDATE_TRANSFERRED',
        'MANDATE_EXPIRED',
        'MANDATE_REVOKED',
        'SEAT_CHANGED',
        'DELEGATE_LOGIN_CREATED',
        'CONSTITUENT_ERASED',
      ]) {
        expect(kinds).toContain(kind);
      }
      const [imported] = await t.sql<{ canonical: string }>(`SELECT canonical FROM ledger_entry WHERE kind = 'CONSTITUENTS_IMPORTED'`);
      expect(JSON.parse(imported.canonical).payload).toEqual({
        delegationId: de,
        constituents: 5,
        mandates: 4,
        mandatesByDelegate: [
          { delegateId: delegate.anna, count: 2 },
          { delegateId: delegate.boris, count: 2 },
        ].sort((a, b) => a.delegateId.localeCompare(b.delegateId)),
      });
      const seatChanges = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'SEAT_CHANGED'`);
      const history = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM seat_history');
      expect(seatChanges[0].n).toBe(history[0].n);
    });
  });

  describe('bad input: a clear error with a code, and nothing changed', () => {
    const TABLES = ['delegate', 'constituent', 'mandate', 'seat_history', 'committee_member', 'user_account', 'ledger_entry'];
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          TABLES.map(async (table) => {
            const [row] = await t.sql(
              `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM ${table} x`,
            );
            return [table, row];
          }),
        ),
      );
    /** Runs the request and checks its first error, and that no table changed. */
    const refused = async (request: () => Promise<GqlResult>, extensions: Record<string, unknown>) => {
      const before = await snapshot();
      const result = await request();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject(extensions);
      expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
      expect(await snapshot()).toEqual(before);
      return result;
    };
    let frDelegate: string;
    beforeAll(async () => {
      frDelegate = await createDelegate(t, otherCoordinator, fr, 'Jean Dupont');
      await refreshMandates();
    });

    it('refuses a mandate to a delegate of another delegation', async () => {
      await refused(() => t.gql(ISSUE, { input: { constituentId: constituent['Hamid U'].id, delegateId: frDelegate } }, coordinator), {
        code: 'DELEGATE_OTHER_DELEGATION',
        field: 'input.delegateId',
      });
    });

    it('refuses a second ACTIVE mandate for a constituent', async () => {
      await refused(
        () => t.gql(ISSUE, { input: { constituentId: constituent[SEEDED.name].id, delegateId: delegate.boris } }, coordinator),
        {
          code: 'MANDATE_ALREADY_ACTIVE',
          field: 'input.constituentId',
        },
      );
    });

    it('refuses to revoke a mandate twice, and to transfer an ended one', async () => {
      const [revoked] = await t.sql<{ id: string }>(`SELECT id FROM mandate WHERE status = 'REVOKED' LIMIT 1`);
      await refused(() => t.gql(REVOKE, { id: revoked.id }, coordinator), { code: 'MANDATE_NOT_ACTIVE', field: 'input.mandateId' });
      const [expired] = await t.sql<{ id: string }>(`SELECT id FROM mandate WHERE status = 'EXPIRED' LIMIT 1`);
      await refused(() => t.gql(TRANSFER, { input: { mandateId: expired.id, toDelegateId: delegate.boris } }, coordinator), {
        code: 'MANDATE_NOT_ACTIVE',
        field: 'input.mandateId',
      });
    });

    it('refuses a transfer to the same delegate', async () => {
      await refused(
        () => t.gql(TRANSFER, { input: { mandateId: constituent[SEEDED.name].mandateId, toDelegateId: delegate.anna } }, coordinator),
        {
          code: 'SAME_DELEGATE',
          field: 'input.toDelegateId',
        },
      );
    });

    it('refuses an expiry in the past, for an issue and for a transfer', async () => {
      const past = new Date(Date.now() - 60_000).toISOString();
      const [{ id: free }] = await t.sql<{ id: string }>(
        `SELECT c.id FROM constituent c WHERE c.delegation_id = $1 AND c.erased_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM mandate m WHERE m.constituent_id = c.id AND m.status = 'ACTIVE') LIMIT 1`,
        [de],
      );
      await refused(() => t.gql(ISSUE, { input: { constituentId: free, delegateId: delegate.boris, expiresAt: past } }, coordinator), {
        code: 'BAD_USER_INPUT',
        field: 'input.expiresAt',
      });
      await refused(
        () =>
          t.gql(
            TRANSFER,
            { input: { mandateId: constituent[SEEDED.name].mandateId, toDelegateId: delegate.boris, expiresAt: past } },
            coordinator,
          ),
        { code: 'BAD_USER_INPUT', field: 'input.expiresAt' },
      );
    });

    it("refuses a coordinator acting on another delegation's delegates, constituents and mandates", async () => {
      const forbidden = { code: 'FORBIDDEN' };
      await refused(
        () =>
          t.gql(
            'mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }',
            { input: { delegationId: de, displayName: 'Intruder' } },
            otherCoordinator,
          ),
        forbidden,
      );
      await refused(
        () =>
          t.gql('mutation($id: ID!) { withdrawAccreditation(input: { delegateId: $id }) { id } }', { id: delegate.anna }, otherCoordinator),
        forbidden,
      );
      await refused(
        () => t.gql(ISSUE, { input: { constituentId: constituent['Hamid U'].id, delegateId: frDelegate } }, otherCoordinator),
        forbidden,
      );
      await refused(() => t.gql(REVOKE, { id: constituent[SEEDED.name].mandateId }, otherCoordinator), forbidden);
      await refused(
        () =>
          t.gql(
            'mutation($id: ID!) { eraseConstituent(input: { constituentId: $id }) { ref } }',
            { id: constituent[SEEDED.name].id },
            otherCoordinator,
          ),
        forbidden,
      );
      await refused(() => importCsv(t, otherCoordinator, de, `${CSV_HEADER}\r\nX,x@example.org,,,,,`), forbidden);
      await refused(() => t.gql(REGISTER, { input: { delegationId: de, name: 'X', email: 'x@example.org' } }, otherCoordinator), forbidden);
    });

    it('refuses constituent data to delegates, other coordinators, the secretariat and the public', async () => {
      const reads: [string, Record<string, unknown>][] = [
        [CONSTITUENTS, { d: de }],
        ['query($id: ID!) { constituent(id: $id) { name } }', { id: constituent[SEEDED.name].id }],
        ['query($d: ID!) { constituentsCsv(delegationId: $d) { csv } }', { d: de }],
      ];
      for (const [query, variables] of reads) {
        for (const [token, code] of [
          [delegate.annaToken, 'FORBIDDEN'],
          [otherCoordinator, 'FORBIDDEN'],
          [secretariat, 'FORBIDDEN'],
          [undefined, 'UNAUTHENTICATED'],
        ] as const) {
          const result = await t.gql(query, variables, token);
          expect({ query, code: codes(result) }).toEqual({ query, code: [code] });
          expect(JSON.stringify(result)).not.toContain(SEEDED.email);
        }
      }
    });

    it('refuses a CSV file with wrong columns, listing each problem', async () => {
      const result = await refused(() => importCsv(t, coordinator, de, 'name,mail,city,notes,delegate,delegate\r\nX,x@example.org,,,,'), {
        code: 'CSV_INVALID',
        field: 'input.csv',
      });
      expect((result.errors![0].extensions as Record<string, any>).details.problems).toEqual([
        { row: 1, field: 'mail', problem: expect.stringMatching(/unknown column/) },
        { row: 1, field: 'delegate', problem: 'this column appears twice' },
        { row: 1, field: 'email', problem: 'an email or a phone column is needed' },
      ]);
    });

    it('refuses a CSV file with bad dates, naming row and field, and imports none of its good rows', async () => {
      const csv = [
        CSV_HEADER,
        'Good Row,good.row@example.org,,,,Anna Karimova,2099-01-01',
        'Bad Date,bad.date@example.org,,,,Anna Karimova,31.12.2099',
        'Past,past@example.org,,,,Anna Karimova,2001-01-01',
      ].join('\r\n');
      const result = await refused(() => importCsv(t, coordinator, de, csv), { code: 'CSV_INVALID' });
      expect((result.errors![0].extensions as Record<string, any>).details).toEqual({
        problemCount: 2,
        problems: [
          { row: 3, field: 'expires_at', problem: expect.stringMatching(/must be a date/) },
          { row: 4, field: 'expires_at', problem: 'expires_at must be in the future' },
        ],
      });
    });

    it('refuses duplicate rows, within the file and against registered constituents', async () => {
      const inFile = [CSV_HEADER, 'One,dup@example.org,,,,,', 'Two,DUP@example.org,,,,,'].join('\r\n');
      const first = await refused(() => importCsv(t, coordinator, de, inFile), { code: 'CSV_INVALID' });
      expect((first.errors![0].extensions as Record<string, any>).details.problems).toEqual([
        { row: 3, field: 'email', problem: 'the same email as row 2' },
      ]);
      const registered = [CSV_HEADER, 'New,new.person@example.org,,,,,', `Again,${SEEDED.email.toUpperCase()},${SEEDED.phone},,,,`].join(
        '\r\n',
      );
      const second = await refused(() => importCsv(t, coordinator, de, registered), { code: 'CSV_INVALID' });
      expect((second.errors![0].extensions as Record<string, any>).details.problems).toEqual([
        { row: 3, field: 'email', problem: 'a constituent with this email is already registered' },
        { row: 3, field: 'phone', problem: 'a constituent with this phone is already registered' },
      ]);
      await refused(() => t.gql(REGISTER, { input: { delegationId: de, name: 'Someone', phone: '0041795550123' } }, coordinator), {
        code: 'DUPLICATE_CONSTITUENT',
        field: 'input.phone',
      });
    });

    it('refuses a CSV file of more than 10,000 rows', async () => {
      const rows = Array.from({ length: 10_001 }, (_, i) => `Person ${i},person${i}@example.org,,,,,`);
      const result = await refused(() => importCsv(t, coordinator, de, [CSV_HEADER, ...rows].join('\r\n')), { code: 'CSV_INVALID' });
      expect((result.errors![0].extensions as Record<string, any>).details.problems).toEqual([
        { row: null, field: null, problem: 'the file has 10001 rows; at most 10000 can be imported at once' },
      ]);
    });

    it('refuses unknown and malformed ids', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      await refused(() => t.gql(ISSUE, { input: { constituentId: unknown, delegateId: delegate.anna } }, coordinator), {
        code: 'NOT_FOUND',
        field: 'input.constituentId',
      });
      await refused(() => t.gql(ISSUE, { input: { constituentId: constituent['Hamid U'].id, delegateId: unknown } }, coordinator), {
        code: 'NOT_FOUND',
        field: 'input.delegateId',
      });
      await refused(() => t.gql(REVOKE, { id: unknown }, coordinator), { code: 'NOT_FOUND', field: 'input.mandateId' });
      await refused(
        () => t.gql('mutation($id: ID!) { accreditDelegate(input: { delegateId: $id }) { id } }', { id: unknown }, coordinator),
        { code: 'NOT_FOUND', field: 'input.delegateId' },
      );
      await refused(() => t.gql('query($id: ID!) { delegate(id: $id) { id } }', { id: unknown }), { code: 'NOT_FOUND', field: 'id' });
      await refused(() => t.gql(REVOKE, { id: 'not-a-uuid' }, coordinator), { code: 'BAD_USER_INPUT', field: 'input.mandateId' });
    });

    it('refuses to accredit twice and a duplicate delegate name', async () => {
      await refused(
        () => t.gql('mutation($id: ID!) { accreditDelegate(input: { delegateId: $id }) { id } }', { id: delegate.anna }, coordinator),
        { code: 'CONFLICT', field: 'input.delegateId' },
      );
      await refused(
        () =>
          t.gql(
            'mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }',
            { input: { delegationId: de, displayName: 'Anna Karimova' } },
            coordinator,
          ),
        {
          code: 'ALREADY_EXISTS',
          field: 'input.displayName',
        },
      );
    });
  });

  it("never writes a constituent's identity to the logs or the ledger, and stores it only encrypted", async () => {
    expect(t.logs.length).toBeGreaterThan(50);
    const ledger = await t.sql<{ canonical: string }>('SELECT canonical FROM ledger_entry ORDER BY seq');
    expect(ledger.length).toBeGreaterThan(30);
    const publicLedger = await t.gql('query($c: ID!) { ledgerEntries(councilId: $c, limit: 1000) { canonical } }', { c: t.councilId });
    const haystacks = {
      logs: t.logs.join('\n').toLowerCase(),
      ledger: ledger
        .map((e) => e.canonical)
        .join('\n')
        .toLowerCase(),
      publicLedger: JSON.stringify(publicLedger.data).toLowerCase(),
      database: JSON.stringify(await t.sql('SELECT * FROM constituent')).toLowerCase(),
    };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of [SEEDED.name, SEEDED.email, 'zq.marlowe', 'quixotic', SEEDED.city, '795550123']) {
        expect({ where, found: text.includes(secret.toLowerCase()) }).toEqual({ where, found: false });
      }
    }
    // The check can fail: the coordinator's own read does contain the identity.
    expect(JSON.stringify((await t.gql(CONSTITUENTS, { d: de }, coordinator)).data).toLowerCase()).toContain('quixotic');
  });
});

describe('a 10,000-row constituent import (e2e)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('imports every row with its mandate, in one batch entry, and seats the delegates', async () => {
    t = await startTestApp();
    const secretariat = await t.signIn();
    const tj = await delegationId(t, 'TJ');
    const coordinator = await signUpCoordinator(t, secretariat, tj, 'coordinator.tj@example.org');
    const names = ['Delegate One', 'Delegate Two', 'Delegate Three'];
    const ids = [];
    for (const name of names) ids.push(await createDelegate(t, coordinator, tj, name));
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const delegateName = i % 10 === 9 ? '' : names[i % 3];
      const expiry = i % 4 === 0 && delegateName ? '2099-06-30' : '';
      return `Constituent ${i},constituent${i}@example.org,+4179${String(i).padStart(7, '0')},City ${i % 50},"note, ""${i}""",${delegateName},${expiry}`;
    });
    const result = await importCsv(t, coordinator, tj, [CSV_HEADER, ...rows].join('\r\n'));
    expect(result.errors).toBeUndefined();
    const expectedMandates = rows.filter((_, i) => i % 10 !== 9).length;
    expect(result.data!.importConstituents).toEqual({ constituentsImported: 10_000, mandatesIssued: expectedMandates });

    expect(await t.sql('SELECT count(*)::int AS n, count(DISTINCT ref)::int AS refs FROM constituent')).toEqual([
      { n: 10_000, refs: 10_000 },
    ]);
    const perDelegate = await t.sql<{ display_name: string; n: number; expiring: number }>(
      `SELECT d.display_name, count(*)::int AS n, count(m.expires_at)::int AS expiring
         FROM mandate m JOIN delegate d ON d.id = m.delegate_id WHERE m.status = 'ACTIVE' GROUP BY d.display_name ORDER BY d.display_name`,
    );
    const expected = names.map((name, k) => {
      const mine = rows.map((_, i) => i).filter((i) => i % 10 !== 9 && i % 3 === k);
      return { display_name: name, n: mine.length, expiring: mine.filter((i) => i % 4 === 0).length };
    });
    expect(perDelegate).toEqual(expected.sort((a, b) => a.display_name.localeCompare(b.display_name)));
    const { data } = await t.gql(
      'query($d: ID!) { delegation(id: $d) { seatedDelegateCount delegates { items { displayName activeMandateCount } } } }',
      { d: tj },
    );
    expect(data!.delegation.seatedDelegateCount).toBe(3);
    expect(
      await t.sql(
        `SELECT kind, count(*)::int AS n FROM ledger_entry WHERE kind IN ('CONSTITUENTS_IMPORTED', 'MANDATE_ISSUED', 'SEAT_CHANGED') GROUP BY kind ORDER BY kind`,
      ),
    ).toEqual([
      { kind: 'CONSTITUENTS_IMPORTED', n: 1 },
      { kind: 'SEAT_CHANGED', n: 3 },
    ]);

    // Every row reads back as written, through the coordinator's export.
    const exported = await t.gql('query($d: ID!) { constituentsCsv(delegationId: $d) { rowCount csv } }', { d: tj }, coordinator);
    expect(exported.data!.constituentsCsv.rowCount).toBe(10_000);
    expect(exported.data!.constituentsCsv.csv).toContain(
      '\r\nConstituent 9999,constituent9999@example.org,+41790009999,City 49,"note, ""9999""",,,,C-',
    );
  });
});

describe('the data key (e2e)', () => {
  it('is generated once into the data directory when COUNCIL_DATA_KEY is unset, with a warning to back it up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gc-data-key-'));
    const first = await startTestApp({ COUNCIL_DATA_KEY: '', COUNCIL_DATA_DIR: dataDir });
    await first.close();
    const second = await startTestApp({ COUNCIL_DATA_KEY: '', COUNCIL_DATA_DIR: dataDir });
    await second.close();
    const file = join(dataDir, 'secrets.json');
    for (const logs of [first.logs, second.logs]) {
      const warning = logs
        .map((line) => JSON.parse(line))
        .find((entry) => entry.level === 40 && /COUNCIL_DATA_KEY is not set/.test(entry.msg));
      expect(warning).toMatchObject({ file, msg: expect.stringMatching(/Back it up/) });
    }
    expect(Buffer.from(JSON.parse(readFileSync(file, 'utf8')).dataKey, 'base64')).toHaveLength(32);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('the periodic expiry sweep (e2e)', () => {
  it('runs by itself every MANDATE_EXPIRY_SWEEP_SECONDS and records the expiry', async () => {
    const t = await startTestApp({ MANDATE_EXPIRY_SWEEP_SECONDS: '1' });
    try {
      const secretariat = await t.signIn();
      const kz = await delegationId(t, 'KZ');
      const coordinator = await signUpCoordinator(t, secretariat, kz, 'coordinator.kz@example.org');
      await createDelegate(t, coordinator, kz, 'Aigerim');
      expect(
        (await importCsv(t, coordinator, kz, `${CSV_HEADER}\r\nNurlan,nurlan@example.org,,,,Aigerim,2099-01-01`)).errors,
      ).toBeUndefined();
      await t.sql(`UPDATE mandate SET issued_at = now() - interval '2 days', expires_at = now() - interval '1 day'`);
      let status = 'ACTIVE';
      for (let waited = 0; status === 'ACTIVE' && waited < 5000; waited += 100) {
        await sleep(100);
        [{ status }] = await t.sql<{ status: string }>('SELECT status FROM mandate');
      }
      expect(status).toBe('EXPIRED');
      expect(await t.sql(`SELECT reason, to_seated FROM seat_history ORDER BY seq DESC LIMIT 1`)).toEqual([
        { reason: 'MANDATE_EXPIRED', to_seated: false },
      ]);
    } finally {
      await t.close();
    }
  });
});
