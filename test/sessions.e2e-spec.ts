import { codes, startTestApp, TestApp } from './support/test-app';

const CONVENE = `mutation($input: ConveneSessionInput!) { conveneRegularSession(input: $input) {
  id kind status title startsAt endsAt location onlineLink agenda { position title } } }`;
const DAY = 24 * 3600 * 1000;

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3600 * 1000).toISOString();

describe('regular sessions (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
  });
  afterAll(() => t.close());

  const convene = (input: Record<string, unknown>, token = secretariat) =>
    t.gql(CONVENE, { input: { title: 'Regular session', startsAt: inDays(30), endsAt: inDays(30, 8), agenda: [], ...input } }, token);
  const sessionCount = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM council_session'))[0].n;
  const ledgerKinds = async () => (await t.sql<{ kind: string }>('SELECT kind FROM ledger_entry ORDER BY seq')).map((r) => r.kind);

  /** Moves a session's schedule into the past, as if its notice period had run out. */
  const makeDue = (sessionId: string) =>
    t.sql("UPDATE council_session SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '8 hours' WHERE id = $1", [
      sessionId,
    ]);

  it('reports the founding date as the base of the schedule before any session is held', async () => {
    const { data } = await t.gql('{ council { nextRegularSessionDue overdue } }');
    expect(data!.council).toEqual({ nextRegularSessionDue: '2023-11-28T00:00:00.000Z', overdue: true });
  });

  it('convenes a regular session with its agenda, and is then no longer overdue', async () => {
    const result = await convene({
      title: 'Third regular session',
      startsAt: inDays(20),
      endsAt: inDays(21),
      location: 'Vienna',
      onlineLink: 'https://meet.example.org/gc',
      agenda: ['Opening', 'Report of the monitoring committee', 'Elections'],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.conveneRegularSession).toMatchObject({
      kind: 'REGULAR',
      status: 'SCHEDULED',
      location: 'Vienna',
      agenda: [
        { position: 1, title: 'Opening' },
        { position: 2, title: 'Report of the monitoring committee' },
        { position: 3, title: 'Elections' },
      ],
    });
    expect((await t.gql('{ council { overdue } }')).data!.council.overdue).toBe(false);
    expect(await ledgerKinds()).toContain('SESSION_CONVENED');
  });

  it('refuses a start inside the 14-day notice period, naming startsAt, and creates nothing', async () => {
    const before = await sessionCount();
    const result = await convene({ startsAt: inDays(13), endsAt: inDays(13, 4) });
    expect(result.errors![0].extensions).toEqual({ code: 'NOTICE_TOO_SHORT', field: 'input.startsAt' });
    expect(await sessionCount()).toBe(before);
  });

  it('refuses overlapping sessions, also when convened concurrently', async () => {
    const first = await convene({ startsAt: inDays(40), endsAt: inDays(41) });
    expect(first.errors).toBeUndefined();
    const overlapping = await convene({ startsAt: inDays(40, 12), endsAt: inDays(42) });
    expect(overlapping.errors![0].extensions).toEqual({ code: 'SESSION_OVERLAP', field: 'input.startsAt' });
    const adjacent = await convene({ startsAt: inDays(41), endsAt: inDays(41, 6) });
    expect(adjacent.errors).toBeUndefined();

    const racing = await Promise.all(Array.from({ length: 6 }, () => convene({ startsAt: inDays(60), endsAt: inDays(60, 6) })));
    expect(racing.filter((r) => !r.errors).length).toBe(1);
    expect(racing.filter((r) => codes(r)[0] === 'SESSION_OVERLAP').length).toBe(5);
  });

  it('validates dates, links and agenda items with the field named', async () => {
    const backwards = await convene({ startsAt: inDays(70), endsAt: inDays(69) });
    expect(backwards.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    const link = await convene({ startsAt: inDays(70), endsAt: inDays(70, 2), onlineLink: 'javascript:alert(1)' });
    expect(link.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.onlineLink' });
    const agenda = await convene({ startsAt: inDays(70), endsAt: inDays(70, 2), agenda: ['ok item', 'bad\u0000item'] });
    expect(agenda.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.agenda' });
    const date = await t.gql(
      CONVENE,
      { input: { title: 'x session', startsAt: 'not a date', endsAt: inDays(70), agenda: [] } },
      secretariat,
    );
    expect(codes(date)).toEqual(['BAD_USER_INPUT']);
  });

  it('runs SCHEDULED -> IN_PROGRESS -> ADJOURNED, refuses other moves, and moves the schedule on', async () => {
    const { data } = await convene({ startsAt: inDays(80), endsAt: inDays(80, 8) });
    const id = data!.conveneRegularSession.id;
    const early = await t.gql('mutation($id: ID!) { startSession(sessionId: $id) { status } }', { id }, secretariat);
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql('mutation($id: ID!) { adjournSession(sessionId: $id) { status } }', { id }, secretariat))).toEqual([
      'SESSION_WRONG_STATE',
    ]);

    await makeDue(id);
    const started = await t.gql('mutation($id: ID!) { startSession(sessionId: $id) { status startedAt } }', { id }, secretariat);
    expect(started.data!.startSession.status).toBe('IN_PROGRESS');
    expect(codes(await t.gql('mutation($id: ID!) { startSession(sessionId: $id) { status } }', { id }, secretariat))).toEqual([
      'SESSION_WRONG_STATE',
    ]);
    const adjourned = await t.gql('mutation($id: ID!) { adjournSession(sessionId: $id) { status } }', { id }, secretariat);
    expect(adjourned.data!.adjournSession.status).toBe('ADJOURNED');

    const schedule = await t.gql('{ council { nextRegularSessionDue } }');
    const due = new Date(schedule.data!.council.nextRegularSessionDue);
    const startedAt = new Date(started.data!.startSession.startedAt);
    expect(due.getUTCFullYear()).toBe(startedAt.getUTCFullYear() + 2);
    expect(due.getUTCMonth()).toBe(startedAt.getUTCMonth());
    const kinds = await ledgerKinds();
    expect(kinds.slice(-2)).toEqual(['SESSION_STARTED', 'SESSION_ADJOURNED']);
  });

  it('cancels a scheduled session with a reason, freeing its slot', async () => {
    const { data } = await convene({ startsAt: inDays(90), endsAt: inDays(90, 8) });
    const id = data!.conveneRegularSession.id;
    const noReason = await t.gql(
      'mutation($input: CancelSessionInput!) { cancelSession(input: $input) { status } }',
      { input: { sessionId: id, reason: '' } },
      secretariat,
    );
    expect(noReason.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const cancelled = await t.gql(
      'mutation($input: CancelSessionInput!) { cancelSession(input: $input) { status cancelReason } }',
      { input: { sessionId: id, reason: 'Venue unavailable' } },
      secretariat,
    );
    expect(cancelled.data!.cancelSession).toEqual({ status: 'CANCELLED', cancelReason: 'Venue unavailable' });
    expect((await convene({ startsAt: inDays(90), endsAt: inDays(90, 8) })).errors).toBeUndefined();
    const list = await t.gql('{ sessions(status: [CANCELLED]) { totalCount items { id } } }');
    expect(list.data!.sessions.items.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it('lets only the secretariat convene and run sessions', async () => {
    expect(codes(await convene({}, ''))).toEqual(['UNAUTHENTICATED']);
    const sessions = await t.gql('{ sessions(limit: 1) { items { id } } }');
    const id = sessions.data!.sessions.items[0].id;
    expect(codes(await t.gql('mutation($id: ID!) { startSession(sessionId: $id) { status } }', { id }))).toEqual(['UNAUTHENTICATED']);
  });
});
