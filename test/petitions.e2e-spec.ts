import { PetitionService } from '@gc/petitions';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from './support/factories';
import { subscribe } from './support/subscriptions';
import { codes, startTestApp, TestApp } from './support/test-app';

const OPEN = 'mutation($input: OpenPetitionInput!) { openPetition(input: $input) { id status expiresAt } }';
const SIGN = 'mutation($id: ID!) { signPetition(petitionId: $id) { status seated validSignatures signaturesStillNeeded } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawPetitionSignature(petitionId: $id) { status validSignatures } }';
const PETITION = `query($id: ID!) { petition(id: $id) { status overdue conveneDeadline convenedSessionId
  snapshot { seated validSignatures signers at } progress { seated validSignatures signaturesStillNeeded } } }`;
const WITHDRAW_ACCREDITATION = 'mutation($input: DelegateInput!) { withdrawAccreditation(input: $input) { id } }';
const CONVENE_SPECIAL = `mutation($input: ConveneSpecialSessionInput!) { conveneSpecialSession(input: $input) {
  petition { status convenedSessionId } session { id kind status agenda { title } } } }`;
const DAY = 24 * 3600 * 1000;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3600 * 1000).toISOString();

const agenda = ['Situation in GBAO', 'Response of the council'];

describe('special-session petitions (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let coordinator: { token: string; delegationId: string };
  let delegates: SeatedDelegate[];

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    coordinator = await coordinatorOf(t, 'DE', secretariat);
    delegates = await seatedDelegates(t, coordinator, 6, 'Small');
  });
  afterAll(() => t.close());

  const open = (token: string, input: Record<string, unknown> = {}) =>
    t.gql(OPEN, { input: { purpose: 'Convene a special session on the events in Khorog', proposedAgenda: agenda, ...input } }, token);
  const petitionId = async (token = delegates[0].token) => (await open(token)).data!.openPetition.id as string;
  const ledger = async (kind: string) =>
    t.sql<{ canonical: string }>('SELECT canonical FROM ledger_entry WHERE kind = $1 ORDER BY seq', [kind]);

  it('counts only seated delegates: 6 seated need 4 signatures', async () => {
    const id = await petitionId();
    const first = await t.gql(SIGN, { id }, delegates[0].token);
    expect(first.data!.signPetition).toEqual({ status: 'OPEN', seated: 6, validSignatures: 1, signaturesStillNeeded: 3 });
    expect(codes(await t.gql(SIGN, { id }, delegates[0].token))).toEqual(['PETITION_ALREADY_SIGNED']);
    expect(codes(await t.gql(WITHDRAW, { id }, delegates[1].token))).toEqual(['SIGNATURE_NOT_FOUND']);
    expect((await t.gql(WITHDRAW, { id }, delegates[0].token)).data!.withdrawPetitionSignature).toEqual({
      status: 'OPEN',
      validSignatures: 0,
    });
    const [signatures] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM petition_signature WHERE petition_id = $1', [id]);
    expect(signatures.n).toBe(0);
  });

  it('refuses the public, coordinators and the secretariat as signers', async () => {
    const id = await petitionId();
    expect(codes(await t.gql(SIGN, { id }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(SIGN, { id }, coordinator.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SIGN, { id }, secretariat))).toEqual(['FORBIDDEN']);
    expect(codes(await open(coordinator.token))).toEqual(['FORBIDDEN']);
  });

  it('validates the petition: agenda, expiry within the allowed range', async () => {
    const token = delegates[0].token;
    expect((await open(token, { proposedAgenda: [] })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.proposedAgenda',
    });
    expect((await open(token, { expiresInDays: 181 })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.expiresInDays',
    });
    expect((await open(token, { expiresInDays: 0 })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.expiresInDays',
    });
    const ninety = await open(token);
    const days = (new Date(ninety.data!.openPetition.expiresAt).getTime() - Date.now()) / DAY;
    expect(Math.round(days)).toBe(90);
  });

  it('treats a petition past its expiry as EXPIRED at once, refuses signatures, and records the expiry exactly once', async () => {
    const id = await petitionId();
    await t.sql("UPDATE petition SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect((await t.gql(PETITION, { id })).data!.petition.status).toBe('EXPIRED');
    expect(codes(await t.gql(SIGN, { id }, delegates[1].token))).toEqual(['PETITION_EXPIRED']);
    const service = t.app.get(PetitionService);
    const before = (await ledger('PETITION_EXPIRED')).length;
    await Promise.all([service.expireDue(), service.expireDue(), service.expireDue()]);
    const entries = (await ledger('PETITION_EXPIRED')).filter((e) => e.canonical.includes(id));
    expect(entries).toHaveLength(1);
    expect((await ledger('PETITION_EXPIRED')).length).toBe(before + 1);
  });

  it('walks from petition to a convened special session with quorum, and the ledger shows each step', async () => {
    const id = await petitionId(delegates[5].token);
    const notMet = await t.gql(
      CONVENE_SPECIAL,
      { input: { petitionId: id, title: 'Special session', startsAt: inDays(8), endsAt: inDays(8, 6) } },
      secretariat,
    );
    expect(notMet.errors![0].extensions).toEqual({ code: 'PETITION_THRESHOLD_NOT_MET', field: 'input.petitionId' });

    for (const d of delegates.slice(0, 3)) expect((await t.gql(SIGN, { id }, d.token)).data!.signPetition.status).toBe('OPEN');
    const crossing = await t.gql(SIGN, { id }, delegates[3].token);
    expect(crossing.data!.signPetition).toEqual({ status: 'THRESHOLD_MET', seated: 6, validSignatures: 4, signaturesStillNeeded: 0 });
    const [checkpoint] = await t.sql<{ n: number }>("SELECT count(*)::int AS n FROM ledger_checkpoint WHERE reason = 'PETITION_THRESHOLD'");
    expect(checkpoint.n).toBe(1);
    expect(codes(await t.gql(SIGN, { id }, delegates[4].token))).toEqual(['PETITION_NOT_OPEN']);
    expect(codes(await t.gql(WITHDRAW, { id }, delegates[0].token))).toEqual(['PETITION_NOT_OPEN']);

    const met = (await t.gql(PETITION, { id })).data!.petition;
    expect(met.snapshot).toMatchObject({ seated: 6, validSignatures: 4 });
    expect([...met.snapshot.signers].sort()).toEqual(
      delegates
        .slice(0, 4)
        .map((d) => d.delegateId)
        .sort(),
    );
    expect(Math.round((new Date(met.conveneDeadline).getTime() - Date.now()) / DAY)).toBe(30);
    expect(met.overdue).toBe(false);

    const shortNotice = await t.gql(
      CONVENE_SPECIAL,
      { input: { petitionId: id, title: 'Special session', startsAt: inDays(6), endsAt: inDays(6, 6) } },
      secretariat,
    );
    expect(shortNotice.errors![0].extensions).toEqual({ code: 'NOTICE_TOO_SHORT', field: 'input.startsAt' });
    const convened = await t.gql(
      CONVENE_SPECIAL,
      { input: { petitionId: id, title: 'Special session on Khorog', startsAt: inDays(8), endsAt: inDays(8, 6) } },
      secretariat,
    );
    expect(convened.errors).toBeUndefined();
    const { session, petition } = convened.data!.conveneSpecialSession;
    expect(session).toMatchObject({ kind: 'SPECIAL', status: 'SCHEDULED', agenda: agenda.map((title) => ({ title })) });
    expect(petition).toEqual({ status: 'CONVENED', convenedSessionId: session.id });
    expect(
      codes(
        await t.gql(
          CONVENE_SPECIAL,
          { input: { petitionId: id, title: 'Again', startsAt: inDays(20), endsAt: inDays(20, 6) } },
          secretariat,
        ),
      ),
    ).toEqual(['PETITION_THRESHOLD_NOT_MET']);

    const checkIn = 'mutation($id: ID!) { checkIn(sessionId: $id) { present } }';
    expect(codes(await t.gql(checkIn, { id: session.id }, delegates[0].token))).toEqual(['SESSION_NOT_IN_PROGRESS']);
    await t.sql("UPDATE council_session SET starts_at = now() - interval '1 minute', ends_at = now() + interval '6 hours' WHERE id = $1", [
      session.id,
    ]);
    expect(
      (await t.gql('mutation($id: ID!) { startSession(sessionId: $id) { status } }', { id: session.id }, secretariat)).data!.startSession
        .status,
    ).toBe('IN_PROGRESS');
    const quorum = async () =>
      (await t.gql('query($id: ID!) { session(id: $id) { quorum { present seated hasQuorum } } }', { id: session.id })).data!.session
        .quorum;
    for (const d of delegates.slice(0, 3)) await t.gql(checkIn, { id: session.id }, d.token);
    expect(await quorum()).toEqual({ present: 3, seated: 6, hasQuorum: false });
    const recorded = await t.gql(
      'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { present } }',
      { input: { sessionId: session.id, delegateId: delegates[3].delegateId, present: true } },
      secretariat,
    );
    expect(recorded.data!.recordAttendance.present).toBe(true);
    expect(await quorum()).toEqual({ present: 4, seated: 6, hasQuorum: true });
    await t.gql('mutation($id: ID!) { checkOut(sessionId: $id) { present } }', { id: session.id }, delegates[0].token);
    expect(await quorum()).toEqual({ present: 3, seated: 6, hasQuorum: false });

    const kinds = (await t.sql<{ kind: string; canonical: string }>('SELECT kind, canonical FROM ledger_entry ORDER BY seq'))
      .filter((e) => e.canonical.includes(id) || e.canonical.includes(session.id))
      .map((e) => e.kind);
    expect(kinds).toEqual([
      'PETITION_OPENED',
      'PETITION_SIGNED',
      'PETITION_SIGNED',
      'PETITION_SIGNED',
      'PETITION_SIGNED',
      'PETITION_THRESHOLD_MET',
      'SESSION_CONVENED',
      'PETITION_CONVENED',
      'SESSION_STARTED',
      'ATTENDANCE_RECORDED',
      'ATTENDANCE_RECORDED',
      'ATTENDANCE_RECORDED',
      'ATTENDANCE_RECORDED',
      'ATTENDANCE_RECORDED',
    ]);
  });

  it('flags a met petition whose convene deadline passed unconvened', async () => {
    const id = await petitionId();
    for (const d of delegates.slice(0, 4)) await t.gql(SIGN, { id }, d.token);
    await t.sql("UPDATE petition SET convene_deadline = now() - interval '1 minute' WHERE id = $1", [id]);
    expect((await t.gql(PETITION, { id })).data!.petition).toMatchObject({ status: 'THRESHOLD_MET', overdue: true });
  });
  it('refuses a delegate who is no longer seated, and stops counting their earlier signature', async () => {
    const id = await petitionId();
    const leaving = delegates[5];
    await t.gql(SIGN, { id }, leaving.token);
    expect((await t.gql(PETITION, { id })).data!.petition.progress).toEqual({ seated: 6, validSignatures: 1, signaturesStillNeeded: 3 });
    const withdrawn = await t.gql(WITHDRAW_ACCREDITATION, { input: { delegateId: leaving.delegateId } }, coordinator.token);
    expect(withdrawn.errors).toBeUndefined();
    expect((await t.gql(PETITION, { id })).data!.petition.progress).toEqual({ seated: 5, validSignatures: 0, signaturesStillNeeded: 4 });
    const [recorded] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM petition_signature WHERE petition_id = $1', [id]);
    expect(recorded.n).toBe(1);
    expect(codes(await t.gql(SIGN, { id: await petitionId() }, leaving.token))).toEqual(['NOT_SEATED']);
    expect(codes(await open(leaving.token))).toEqual(['NOT_SEATED']);
  });
});

describe('two-thirds under concurrency: 300 seated delegates (e2e)', () => {
  let t: TestApp;
  let coordinator: { token: string; delegationId: string };
  let delegates: SeatedDelegate[];

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await coordinatorOf(t, 'TR', await t.signIn());
    delegates = await seatedDelegates(t, coordinator, 300, 'Member');
  }, 180_000);
  afterAll(() => t.close());

  const open = async (token: string) =>
    (await t.gql(OPEN, { input: { purpose: 'Convene a special session now, please', proposedAgenda: agenda } }, token)).data!.openPetition
      .id as string;
  const transitions = async (id: string) =>
    (await t.sql<{ canonical: string }>("SELECT canonical FROM ledger_entry WHERE kind = 'PETITION_THRESHOLD_MET'")).filter((e) =>
      e.canonical.includes(id),
    );

  it('300 concurrent signatures cross two-thirds exactly once, and the subscription reports it', async () => {
    const id = await open(delegates[0].token);
    const live = subscribe<{ petitionProgress: { status: string; validSignatures: number } }>(
      t.url,
      'subscription($id: ID!) { petitionProgress(petitionId: $id) { status validSignatures seated } }',
      { id },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    const answeredAt = new Map<number, number>();
    const results = await Promise.all(
      delegates.map((d, i) => t.gql(SIGN, { id }, d.token).then((r) => (answeredAt.set(i, Date.now()), r))),
    );
    const elapsedMs = Date.now() - started;
    const signed = results.filter((r) => r.data?.signPetition);
    const refused = results.filter((r) => codes(r)[0] === 'PETITION_NOT_OPEN');
    expect(signed.length + refused.length).toBe(300);
    expect(signed.filter((r) => r.data!.signPetition.status === 'THRESHOLD_MET')).toHaveLength(1);
    expect(await transitions(id)).toHaveLength(1);

    const [row] = await t.sql<{ status: string; snapshot_valid_signatures: number; snapshot_seated: number; signatures: number }>(
      `SELECT status, snapshot_valid_signatures, snapshot_seated, (SELECT count(*)::int FROM petition_signature WHERE petition_id = p.id) AS signatures
         FROM petition p WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ status: 'THRESHOLD_MET', snapshot_seated: 300, snapshot_valid_signatures: 200, signatures: signed.length });
    expect(signed.length).toBe(200);

    let message = await live.nextStamped();
    while (message.value.petitionProgress.status !== 'THRESHOLD_MET') message = await live.nextStamped();
    expect(message.value.petitionProgress.validSignatures).toBe(200);
    await live.close();
    const crossing = results.findIndex((r) => r.data?.signPetition?.status === 'THRESHOLD_MET');
    process.stdout.write(
      `petition signing: ${results.length} requests in ${elapsedMs} ms (${Math.round((results.length / elapsedMs) * 1000)} per second); ` +
        `crossing answer to subscription message: ${message.receivedAt - answeredAt.get(crossing)!} ms\n`,
    );
  });

  it('V = 199 of S = 300 does not cross when one non-signer is unseated, and crosses when a second one is', async () => {
    const id = await open(delegates[0].token);
    const signers = delegates.slice(0, 199);
    for (let i = 0; i < signers.length; i += 50) await Promise.all(signers.slice(i, i + 50).map((d) => t.gql(SIGN, { id }, d.token)));
    const state = async () => (await t.gql(PETITION, { id })).data!.petition;
    expect((await state()).progress).toEqual({ seated: 300, validSignatures: 199, signaturesStillNeeded: 1 });

    const unseat = (d: SeatedDelegate) => t.gql(WITHDRAW_ACCREDITATION, { input: { delegateId: d.delegateId } }, coordinator.token);
    expect((await unseat(delegates[299])).errors).toBeUndefined();
    expect(await state()).toMatchObject({ status: 'OPEN', progress: { seated: 299, validSignatures: 199, signaturesStillNeeded: 1 } });

    expect((await unseat(delegates[298])).errors).toBeUndefined();
    const met = await state();
    expect(met.status).toBe('THRESHOLD_MET');
    expect(met.snapshot).toMatchObject({ seated: 298, validSignatures: 199 });
    expect(await transitions(id)).toHaveLength(1);
  });

  it('unseating delegates while others sign never loses the transition and never makes two', async () => {
    const id = await open(delegates[0].token);
    const seatedNow = delegates.slice(0, 298);
    const nonSigners = seatedNow.slice(250);
    const signing = seatedNow.slice(0, 210).map((d) => t.gql(SIGN, { id }, d.token));
    const unseating = nonSigners
      .slice(0, 20)
      .map((d) => t.gql(WITHDRAW_ACCREDITATION, { input: { delegateId: d.delegateId } }, coordinator.token));
    const results = await Promise.all([...signing, ...unseating]);
    expect(results.filter((r) => r.errors && !['PETITION_NOT_OPEN'].includes(codes(r)[0]))).toEqual([]);
    expect((await t.gql(PETITION, { id })).data!.petition.status).toBe('THRESHOLD_MET');
    expect(await transitions(id)).toHaveLength(1);
  });
});

describe('petition progress across server instances (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let delegates: SeatedDelegate[];
  beforeAll(async () => {
    a = await startTestApp();
    delegates = await seatedDelegates(a, await coordinatorOf(a, 'FR', await a.signIn()), 3, 'Instance');
    // Two servers on one database. Passport keeps one strategy per process (B's, from here on), which is
    // why this describe block is the file's last.
    b = await startTestApp({}, a);
  });
  afterAll(async () => {
    // B first: closing A drops the shared database under B's connections.
    await b.close();
    await a.close();
  });

  it('delivers progress to a subscriber on instance A when the signature goes through instance B', async () => {
    const opened = await a.gql(
      OPEN,
      { input: { purpose: 'Convene a special session on the blockade', proposedAgenda: agenda } },
      delegates[0].token,
    );
    const id = opened.data!.openPetition.id;
    const live = subscribe<{ petitionProgress: { validSignatures: number; seated: number } }>(
      a.url,
      'subscription($id: ID!) { petitionProgress(petitionId: $id) { validSignatures seated } }',
      { id },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await b.gql(SIGN, { id }, delegates[1].token)).errors).toBeUndefined();
    expect((await live.next()).petitionProgress).toEqual({ validSignatures: 1, seated: 3 });
    await live.close();
  });
});
