import { TOTP_PERIOD_SECONDS, totpCode } from '@gc/auth';
import { SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp, TestApp } from './support/test-app';
import { coordinatorOf, seatedDelegates } from './support/factories';
import { CONFIRM_ENROLMENT, LOGIN, START_ENROLMENT, VERIFY_SECOND_FACTOR } from './support/two-factor';
import {
  BULLETIN,
  CAST,
  CLOSE_VOTE,
  markPresent,
  ok as succeeded,
  OPEN_VOTE,
  PLACE_RESOLUTION,
  RECEIPT,
  sessionInProgress,
  sha256Hex,
  submittedResolution,
} from './support/voting-fixtures';

/**
 * A full scenario with known marker values, then a scan of everything that leaves the process or the
 * ledger for them: every log line, every GraphQL response except the one that hands a value to its owner,
 * the ledger's canonical texts and the audit table. Stored copies are scanned too: nothing in the database
 * may hold a password, token (receipt tokens included), TOTP secret, recovery code or constituent contact in
 * clear (or hex).
 */
describe('secrets never leak into logs, responses, the ledger or the audit (e2e)', () => {
  let t: TestApp;
  /** Every marker by name, gathered as the scenario produces them. */
  const markers = new Map<string, string>();
  /** Every response body, with the markers it is allowed to carry (the value handed to its owner). */
  const responses: { label: string; body: string; allowed: string[] }[] = [];

  const mark = (name: string, value: string) => {
    expect(value.length).toBeGreaterThanOrEqual(6);
    markers.set(name, value);
    return value;
  };
  const call = async (label: string, query: string, variables: Record<string, unknown>, token?: string, allowed: string[] = []) => {
    const result = await t.gql(query, variables, token);
    responses.push({ label, body: JSON.stringify(result), allowed });
    return result;
  };
  const ok = <T>(result: { data?: T | null; errors?: unknown }, what: string): T => {
    if (result.errors || !result.data) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  };

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug' });
  });
  afterAll(() => t.close());

  it('runs sign-in, two factors, a coordinator, a constituent, a delegate login and a password change', async () => {
    mark('secretariat password', SECRETARIAT_PASSWORD);
    mark('secretariat TOTP secret', t.secondFactorSecrets.get(SECRETARIAT_EMAIL)!);
    const secretariat = await t.signInSession();
    mark('secretariat access token', secretariat.accessToken);
    mark('secretariat refresh token', secretariat.refreshToken);

    const delegationId = ok(await call('delegation', '{ delegationByCode(countryCode: "SE") { id } }', {}), 'delegation').delegationByCode
      .id;
    const coordinatorEmail = mark('coordinator email', 'marker.coordinator.sv8f3@example.org');
    const coordinatorPassword = mark('coordinator password', 'marker coordinator passphrase Q7x');
    const invited = ok(
      await call(
        'assignCoordinator',
        'mutation($input: AssignCoordinatorInput!) { assignCoordinator(input: $input) { activationToken coordinator { id } } }',
        { input: { delegationId, displayName: 'Coordinator SE', email: coordinatorEmail } },
        secretariat.accessToken,
        ['coordinator activation token'],
      ),
      'assignCoordinator',
    );
    mark('coordinator activation token', invited.assignCoordinator.activationToken);
    const activated = ok(
      await call(
        'activateAccount',
        'mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { accessToken refreshToken me { email } } }',
        { input: { token: invited.assignCoordinator.activationToken, password: coordinatorPassword } },
        undefined,
        ['coordinator access token', 'coordinator refresh token', 'coordinator email'],
      ),
      'activateAccount',
    ).activateAccount;
    const coordinator = mark('coordinator access token', activated.accessToken);
    mark('coordinator refresh token', activated.refreshToken);

    const enrolment = ok(
      await call('startSecondFactorEnrolment', START_ENROLMENT, {}, coordinator, ['coordinator TOTP secret']),
      'enrol',
    ).startSecondFactorEnrolment;
    const secret = mark('coordinator TOTP secret', enrolment.secret);
    const enrolCode = mark('coordinator enrolment code', totpCode(secret));
    const { recoveryCodes } = ok(
      await call('confirmSecondFactorEnrolment', CONFIRM_ENROLMENT, { code: enrolCode }, coordinator, ['recovery codes']),
      'confirm',
    ).confirmSecondFactorEnrolment;
    recoveryCodes.forEach((code: string, i: number) => mark(`recovery code ${i}`, code));
    responses.at(-1)!.allowed = recoveryCodes.map((_: string, i: number) => `recovery code ${i}`);

    // Sign in again with the next step's code, then with a recovery code; both answers carry only new tokens.
    const step = Number(
      (
        await t.sql('SELECT last_used_step FROM second_factor f JOIN user_account u ON u.id = f.user_id WHERE u.email = $1', [
          coordinatorEmail,
        ])
      )[0].last_used_step,
    );
    const signInCode = mark('coordinator sign-in code', totpCode(secret, (step + 1) * TOTP_PERIOD_SECONDS));
    const challenge = ok(
      await call('login', LOGIN, { input: { email: coordinatorEmail, password: coordinatorPassword } }, undefined, ['challenge token 1']),
      'login',
    ).login;
    mark('challenge token 1', challenge.challengeToken);
    const verified = ok(
      await call(
        'verifySecondFactor',
        VERIFY_SECOND_FACTOR,
        { input: { challengeToken: challenge.challengeToken, code: signInCode } },
        undefined,
        ['coordinator second access token', 'coordinator second refresh token'],
      ),
      'verify',
    ).verifySecondFactor;
    mark('coordinator second access token', verified.accessToken);
    mark('coordinator second refresh token', verified.refreshToken);
    const second = ok(
      await call('login', LOGIN, { input: { email: coordinatorEmail, password: coordinatorPassword } }, undefined, ['challenge token 2']),
      'login',
    ).login;
    mark('challenge token 2', second.challengeToken);
    await call(
      'verify with a wrong code',
      VERIFY_SECOND_FACTOR,
      { input: { challengeToken: second.challengeToken, code: mark('wrong code', wrongCode(secret)) } },
      undefined,
    );
    // The tokens this answer carries are not markers: it must echo no recovery code, code or challenge.
    ok(
      await call('verify with a recovery code', VERIFY_SECOND_FACTOR, {
        input: { challengeToken: second.challengeToken, recoveryCode: recoveryCodes[0] },
      }),
      'recovery',
    );

    await call('wrong password', LOGIN, {
      input: { email: coordinatorEmail, password: mark('wrong password', 'marker wrong password Z9q') },
    });
    await call('unknown email', LOGIN, {
      input: { email: mark('unknown email', 'marker.unknown.ghost77@example.org'), password: 'whatever it is' },
    });

    // A constituent registered by the coordinator: identity goes back to the coordinator only.
    const name = mark('constituent name', 'Markerina Vollständig-Quinn');
    const email = mark('constituent email', 'markerina.quinn.secret@example.net');
    mark('constituent phone', '+41 79 555 77 88');
    mark('constituent phone (normalized)', '+41795557788');
    const identity = ['constituent name', 'constituent email', 'constituent phone (normalized)'];
    const delegateId = ok(
      await call(
        'createDelegate',
        'mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }',
        { input: { delegationId, displayName: 'Scan Delegate' } },
        coordinator,
      ),
      'createDelegate',
    ).createDelegate.id;
    await call(
      'accreditDelegate',
      'mutation($id: ID!) { accreditDelegate(input: { delegateId: $id }) { id seated } }',
      { id: delegateId },
      coordinator,
    );
    const constituent = ok(
      await call(
        'registerConstituent',
        'mutation($input: RegisterConstituentInput!) { registerConstituent(input: $input) { id ref name email phone } }',
        { input: { delegationId, name, email, phone: markers.get('constituent phone') } },
        coordinator,
        identity,
      ),
      'registerConstituent',
    ).registerConstituent;
    await call(
      'issueMandate',
      'mutation($input: IssueMandateInput!) { issueMandate(input: $input) { id status constituentRef } }',
      { input: { constituentId: constituent.id, delegateId } },
      coordinator,
    );
    await call(
      'constituents (the coordinator)',
      'query($d: ID!) { constituents(delegationId: $d) { items { name email phone ref } } }',
      { d: delegationId },
      coordinator,
      identity,
    );

    const delegateLogin = ok(
      await call(
        'createDelegateLogin',
        'mutation($input: CreateDelegateLoginInput!) { createDelegateLogin(input: $input) { activationToken } }',
        { input: { delegateId, email: mark('delegate email', 'marker.delegate.sv2@example.org') } },
        coordinator,
        ['delegate activation token'],
      ),
      'createDelegateLogin',
    ).createDelegateLogin;
    mark('delegate activation token', delegateLogin.activationToken);
    const delegate = ok(
      await call(
        'activate delegate',
        'mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { accessToken refreshToken } }',
        { input: { token: delegateLogin.activationToken, password: mark('delegate password', 'marker delegate passphrase W4') } },
        undefined,
        ['delegate access token', 'delegate refresh token'],
      ),
      'activate delegate',
    ).activateAccount;
    mark('delegate access token', delegate.accessToken);
    mark('delegate refresh token', delegate.refreshToken);

    ok(
      await call(
        'changePassword',
        'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
        { input: { currentPassword: coordinatorPassword, newPassword: mark('coordinator new password', 'marker new passphrase K3v') } },
        coordinator,
      ),
      'changePassword',
    );
    const refreshed = ok(
      await call(
        'refreshSession',
        'mutation($token: String!) { refreshSession(input: { refreshToken: $token }) { accessToken refreshToken } }',
        { token: activated.refreshToken },
        undefined,
        ['refreshed access token', 'refreshed refresh token'],
      ),
      'refresh',
    ).refreshSession;
    // An access token re-issued for the same session within the same second is byte-identical (same claims).
    if (refreshed.accessToken !== activated.accessToken) mark('refreshed access token', refreshed.accessToken);
    else responses.at(-1)!.allowed.push('coordinator access token');
    mark('refreshed refresh token', refreshed.refreshToken);

    // What everyone else can read.
    await call(
      'public roster',
      '{ delegationByCode(countryCode: "SE") { delegates { items { displayName } } coordinators { displayName } } }',
      {},
    );
    await call('public ledger', '{ ledgerEntries(limit: 200) { kind actor payload canonical } }', {});
    await call('delegate reads me', '{ me { displayName role } }', {}, delegate.accessToken);
    await call(
      'secretariat reads the audit',
      '{ authEvents(limit: 200) { items { kind detail userId addressPseudonym accountPseudonym } } }',
      {},
      secretariat.accessToken,
    );
    await call('coordinator lists sessions', '{ myAuthSessions { items { id createdAt lastUsedAt current } } }', {}, coordinator);
    expect(responses.length).toBeGreaterThan(25);
    expect(markers.size).toBeGreaterThan(35);
  });

  it('runs a secret vote: the receipt token goes back to its voter only', async () => {
    const secretariat = await t.signIn();
    const voters = await seatedDelegates(t, await coordinatorOf(t, 'AT', secretariat), 3, 'Scan voter');
    const sessionId = await sessionInProgress(t, secretariat, 'Scan session');
    const resolutionId = await submittedResolution(t, voters[0], voters.slice(1), 'Scan resolution');
    const placed = await succeeded(t.gql(PLACE_RESOLUTION, { input: { resolutionId, sessionId } }, secretariat));
    await markPresent(t, sessionId, voters);
    const vote = (
      await succeeded(
        t.gql(
          OPEN_VOTE,
          { input: { agendaItemId: placed.placeResolutionOnAgenda.agendaItemId, rule: 'SIMPLE', secrecy: 'SECRET' } },
          secretariat,
        ),
      )
    ).openVote;
    const cast = ok(
      await call('castBallot', CAST, { input: { voteId: vote.id, choice: 'NO' } }, voters[0].token, ['receipt token']),
      'castBallot',
    ).castBallot;
    mark('receipt token', cast.receipt);
    // The scan can fail: the answer that hands the token to its voter does carry it.
    expect(responses.at(-1)!.body).toContain(cast.receipt);
    await call('myBallot', 'query($id: ID!) { myBallot(voteId: $id) { voted choice } }', { id: vote.id }, voters[0].token);
    ok(await call('closeVote', CLOSE_VOTE, { id: vote.id }, secretariat), 'closeVote');
    await call('bulletin', BULLETIN, { voteId: vote.id });
    await call('receipt check', RECEIPT, { voteId: vote.id, hash: sha256Hex(cast.receipt) });
    await call('public ledger after the vote', '{ ledgerEntries(limit: 1000) { kind payload canonical } }', {});
  });

  /** Every form in which a marker could appear: as typed, URL-encoded, lower-cased, and hex (bytea columns). */
  const forms = (value: string) => [
    ...new Set([value, encodeURIComponent(value), value.toLowerCase(), Buffer.from(value, 'utf8').toString('hex')]),
  ];
  /**
   * A six-digit code counts only standing alone: the same digits inside a timestamp, a duration or a hex
   * hash are chance, not a leak.
   */
  const found = (text: string, value: string) =>
    /^\d{6}$/.test(value)
      ? new RegExp(`(?<![0-9a-f.])${value}(?![0-9a-f])`).test(text) || text.includes(Buffer.from(value, 'utf8').toString('hex'))
      : forms(value).some((form) => text.includes(form));
  const leaksIn = (text: string, names: Iterable<string>) => [...names].filter((name) => found(text, markers.get(name)!));

  it('never writes a marker to the logs', () => {
    const logs = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(30);
    expect(leaksIn(logs, markers.keys())).toEqual([]);
  });

  it('never returns a marker in a response other than the one that hands it to its owner', () => {
    const leaks = responses.flatMap((response) =>
      leaksIn(
        response.body,
        [...markers.keys()].filter((name) => !response.allowed.includes(name)),
      ).map((name) => `${response.label}: ${name}`),
    );
    expect(leaks).toEqual([]);
    // The check can fail: the responses that hand out values do contain them.
    expect(responses.find((r) => r.label === 'registerConstituent')!.body).toContain(markers.get('constituent email'));
  });

  it('never writes a marker to the ledger or the audit table', async () => {
    const ledger = (await t.sql<{ canonical: string }>('SELECT canonical FROM ledger_entry ORDER BY seq'))
      .map((row) => row.canonical)
      .join('\n');
    expect(ledger).toContain('MANDATE_ISSUED');
    expect(leaksIn(ledger, markers.keys())).toEqual([]);
    const audit = JSON.stringify(await t.sql('SELECT * FROM auth_event'));
    expect(audit).toContain('SECOND_FACTOR_FAILED');
    expect(leaksIn(audit, markers.keys())).toEqual([]);
  });

  it('stores no password, token, TOTP secret, recovery code or constituent contact in clear anywhere in the database', async () => {
    const tables = await t.sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'",
    );
    expect(tables.length).toBeGreaterThan(15);
    // Account emails are stored in clear on purpose (sign-in looks them up); everything else must not be.
    const neverStored = [...markers.keys()].filter((name) => !['coordinator email', 'delegate email', 'constituent phone'].includes(name));
    const stored: string[] = [];
    for (const { table_name } of tables) {
      const rows = await t.sql(`SELECT row_to_json(r)::text AS row FROM "${table_name}" r`);
      const text = rows.map((r) => r.row).join('\n');
      stored.push(...leaksIn(text, neverStored).map((name) => `${table_name}: ${name}`));
    }
    expect(stored).toEqual([]);
  });
});

/** A well-formed TOTP code that is valid for no step near now. */
function wrongCode(secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const near = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(secret, now + d * TOTP_PERIOD_SECONDS)));
  let candidate = 100000;
  while (near.has(String(candidate))) candidate++;
  return String(candidate);
}
