import { AuthRetentionService, TOTP_PERIOD_SECONDS, totpCode } from '@gc/auth';
import { codes, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp, TestApp } from './support/test-app';
import { CONFIRM_ENROLMENT, enrolSecondFactor, LOGIN, START_ENROLMENT, VERIFY_SECOND_FACTOR } from './support/two-factor';

const ASSIGN = 'mutation($input: AssignCoordinatorInput!) { assignCoordinator(input: $input) { activationToken } }';
const ACTIVATE = 'mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { accessToken } }';
const ME = '{ me { id role secondFactor { enrolled required recoveryCodesLeft } } }';
const CREATE_DELEGATE = 'mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }';
const CREATE_COMMITTEE =
  'mutation { createCommittee(input: { slug: "two-factor", name: "Some committee", mandate: "Does something useful." }) { id } }';
const SESSIONS = '{ myAuthSessions { totalCount items { id createdAt lastUsedAt current secondFactor } } }';
const REVOKE = 'mutation($id: ID!) { revokeAuthSession(sessionId: $id) }';
const REVOKE_USER = 'mutation($id: ID!) { revokeUserAuthSessions(userId: $id) }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
const REMOVE = 'mutation($password: String!) { removeSecondFactor(input: { password: $password }) }';
const RESET = 'mutation($id: ID!) { resetSecondFactor(userId: $id) }';
const EVENTS =
  'query($limit: Int, $offset: Int, $userId: ID) { authEvents(limit: $limit, offset: $offset, userId: $userId) { totalCount ' +
  'items { id occurredAt kind detail userId actorUserId sessionId addressPseudonym accountPseudonym } } }';

const PASSWORD = 'a long enough passphrase';

interface Account {
  email: string;
  userId: string;
  /** The activation session's token. */
  token: string;
}

describe('two-factor sign-in, sessions and the sign-in audit (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let delegationId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    delegationId = (await t.gql('{ delegationByCode(countryCode: "AT") { id } }')).data!.delegationByCode.id;
  });
  afterAll(() => t.close());

  /** A coordinator account, activated (so signed in) but without a second factor. */
  async function newCoordinator(): Promise<Account> {
    const email = `two-factor-${++seq}@example.org`;
    const invited = await t.gql(ASSIGN, { input: { delegationId, displayName: `Coordinator ${seq}`, email } }, secretariat);
    const activated = await t.gql(ACTIVATE, { input: { token: invited.data!.assignCoordinator.activationToken, password: PASSWORD } });
    const token = activated.data!.activateAccount.accessToken;
    return { email, token, userId: (await t.gql(ME, {}, token)).data!.me.id };
  }

  /** A coordinator with an authenticator; its activation session presented the factor by confirming it. */
  async function enrolledCoordinator(): Promise<Account & { secret: string; recoveryCodes: string[] }> {
    const account = await newCoordinator();
    const factor = await enrolSecondFactor(t.gql, account.token);
    t.secondFactorSecrets.set(account.email, factor.secret);
    return { ...account, ...factor };
  }

  const login = async (email: string, password = PASSWORD) => (await t.gql(LOGIN, { input: { email, password } })).data!.login;
  const verify = (challengeToken: string, proof: { code?: string; recoveryCode?: string }) =>
    t.gql(VERIFY_SECOND_FACTOR, { input: { challengeToken, ...proof } });
  const createDelegate = (token: string) => t.gql(CREATE_DELEGATE, { input: { delegationId, displayName: `Delegate ${++seq}` } }, token);
  const lastUsedStep = async (userId: string) =>
    Number((await t.sql('SELECT last_used_step FROM second_factor WHERE user_id = $1', [userId]))[0].last_used_step);
  /** Lets the next sign-in use the current step again: the replay guard is exercised only where a test says so. */
  const forgetLastStep = (userId: string) => t.sql('UPDATE second_factor SET last_used_step = NULL WHERE user_id = $1', [userId]);
  /** A well-formed code that is valid for no step near now. */
  const wrongCode = (secret: string) => {
    const now = Math.floor(Date.now() / 1000);
    const near = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(secret, now + d * TOTP_PERIOD_SECONDS)));
    let candidate = 0;
    while (near.has(String(candidate).padStart(6, '0'))) candidate++;
    return String(candidate).padStart(6, '0');
  };
  const events = async (userId: string) =>
    (await t.gql(EVENTS, { userId, limit: 50 }, secretariat)).data!.authEvents.items as {
      kind: string;
      detail: string | null;
      actorUserId: string | null;
    }[];

  it('holds a coordinator without a second factor to enrolment: me, enrol and logout only, public reads included', async () => {
    const coordinator = await newCoordinator();
    expect((await t.gql(ME, {}, coordinator.token)).data!.me.secondFactor).toEqual({
      enrolled: false,
      required: true,
      recoveryCodesLeft: 0,
    });
    expect(codes(await createDelegate(coordinator.token))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(codes(await t.gql(SESSIONS, {}, coordinator.token))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(codes(await t.gql('{ council { id } }', {}, coordinator.token))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(codes(await t.gql('{ council { id } }'))).toEqual([]);
    // What the role may never do stays FORBIDDEN, factor or not.
    expect(codes(await t.gql(CREATE_COMMITTEE, {}, coordinator.token))).toEqual(['FORBIDDEN']);
    // Signing in again with the password alone gives the same restricted session, not a challenge.
    expect((await login(coordinator.email)).__typename).toBe('AuthPayload');
  });

  it('enrols with a provisioning URI, confirms with a real code, returns ten recovery codes once, and stores nothing in clear', async () => {
    const coordinator = await newCoordinator();
    const started = (await t.gql(START_ENROLMENT, {}, coordinator.token)).data!.startSecondFactorEnrolment;
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.provisioningUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(started.secret);
    expect(started.provisioningUri).not.toContain('example.org');
    expect(started.provisioningUri).not.toContain('two-factor');

    const wrong = await t.gql(CONFIRM_ENROLMENT, { code: wrongCode(started.secret) }, coordinator.token);
    expect(wrong.errors![0].extensions).toEqual({ code: 'INVALID_SECOND_FACTOR', field: 'input.code' });
    expect(codes(await createDelegate(coordinator.token))).toEqual(['SECOND_FACTOR_REQUIRED']);

    const confirmed = await t.gql(CONFIRM_ENROLMENT, { code: totpCode(started.secret) }, coordinator.token);
    const { recoveryCodes } = confirmed.data!.confirmSecondFactorEnrolment;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // The session that confirmed the factor presented it: the coordinator can work at once.
    expect(codes(await createDelegate(coordinator.token))).toEqual([]);
    expect((await t.gql(ME, {}, coordinator.token)).data!.me.secondFactor).toEqual({
      enrolled: true,
      required: true,
      recoveryCodesLeft: 10,
    });
    expect(codes(await t.gql(START_ENROLMENT, {}, coordinator.token))).toEqual(['SECOND_FACTOR_ALREADY_ENROLLED']);

    const [row] = await t.sql<{ secret_cipher: Buffer }>('SELECT secret_cipher FROM second_factor WHERE user_id = $1', [
      coordinator.userId,
    ]);
    expect(row.secret_cipher.toString('latin1')).not.toContain(started.secret);
    expect(row.secret_cipher.toString('base64')).not.toContain(started.secret);
    const hashes = await t.sql<{ code_hash: string }>('SELECT code_hash FROM recovery_code WHERE user_id = $1', [coordinator.userId]);
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      expect(code_hash).toMatch(/^[0-9a-f]{64}$/);
      for (const code of recoveryCodes) expect(code_hash).not.toContain(code.replace(/-/g, '').slice(0, 6));
    }
    expect((await events(coordinator.userId)).map((e) => e.kind)).toContain('SECOND_FACTOR_ENROLLED');
  });

  it('signs in in two steps; a challenge works once; a used code is refused, on any challenge', async () => {
    const coordinator = await enrolledCoordinator();
    const first = await login(coordinator.email);
    expect(Object.keys(first).sort()).toEqual(['__typename', 'challengeToken', 'expiresAt']);
    expect(new Date(first.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    // The enrolment used the current step; the next step's code is the first fresh one.
    const fresh = totpCode(coordinator.secret, ((await lastUsedStep(coordinator.userId)) + 1) * TOTP_PERIOD_SECONDS);
    const signedIn = await verify(first.challengeToken, { code: fresh });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.verifySecondFactor.me.role).toBe('COORDINATOR');
    expect(codes(await createDelegate(signedIn.data!.verifySecondFactor.accessToken))).toEqual([]);

    expect(codes(await verify(first.challengeToken, { code: fresh }))).toEqual(['INVALID_TOKEN']);
    const second = await login(coordinator.email);
    const replay = await verify(second.challengeToken, { code: fresh });
    expect(replay.errors![0].extensions).toEqual({ code: 'INVALID_SECOND_FACTOR', field: 'input.code' });
    expect((await events(coordinator.userId)).slice(0, 3).map((e) => [e.kind, e.detail])).toEqual([
      ['SECOND_FACTOR_FAILED', 'REUSED_CODE'],
      ['LOGIN_SUCCEEDED', 'SECOND_FACTOR_CHALLENGE'],
      ['SECOND_FACTOR_SUCCEEDED', null],
    ]);
  });

  it('lets exactly one of two concurrent sign-ins with the same code through', async () => {
    const coordinator = await enrolledCoordinator();
    const [a, b] = [await login(coordinator.email), await login(coordinator.email)];
    await forgetLastStep(coordinator.userId);
    const code = totpCode(coordinator.secret);
    const results = await Promise.all([verify(a.challengeToken, { code }), verify(b.challengeToken, { code })]);
    expect(results.filter((r) => r.data?.verifySecondFactor).length).toBe(1);
    expect(results.flatMap(codes)).toEqual(['INVALID_SECOND_FACTOR']);
  });

  it('refuses malformed proofs with the field named, and expired challenges', async () => {
    const coordinator = await enrolledCoordinator();
    const { challengeToken } = await login(coordinator.email);
    expect((await verify(challengeToken, { code: '12345' })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
    });
    expect(codes(await verify(challengeToken, {}))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await verify(challengeToken, { code: '123456', recoveryCode: 'abcd-efgh-jkmn' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await verify('not-a-challenge', { code: '123456' }))).toEqual(['INVALID_TOKEN']);
    await t.sql("UPDATE second_factor_challenge SET expires_at = now() - interval '1 second' WHERE user_id = $1", [coordinator.userId]);
    await forgetLastStep(coordinator.userId);
    expect(codes(await verify(challengeToken, { code: totpCode(coordinator.secret) }))).toEqual(['INVALID_TOKEN']);
  });

  it('accepts each recovery code once, however it is typed, in place of a code', async () => {
    const coordinator = await enrolledCoordinator();
    const recoveryCode = coordinator.recoveryCodes[3];
    const typed = recoveryCode.toUpperCase().replace(/-/g, ' ');
    const used = await verify((await login(coordinator.email)).challengeToken, { recoveryCode: typed });
    expect(used.errors).toBeUndefined();
    const token = used.data!.verifySecondFactor.accessToken;
    expect((await t.gql(ME, {}, token)).data!.me.secondFactor.recoveryCodesLeft).toBe(9);
    const again = await verify((await login(coordinator.email)).challengeToken, { recoveryCode });
    expect(again.errors![0].extensions).toEqual({ code: 'INVALID_SECOND_FACTOR', field: 'input.recoveryCode' });
    expect((await events(coordinator.userId)).slice(0, 4).map((e) => [e.kind, e.detail])).toEqual([
      ['SECOND_FACTOR_FAILED', 'WRONG_RECOVERY_CODE'],
      ['LOGIN_SUCCEEDED', 'SECOND_FACTOR_CHALLENGE'],
      ['RECOVERY_CODE_USED', null],
      ['LOGIN_SUCCEEDED', 'SECOND_FACTOR_CHALLENGE'],
    ]);
  });

  it('locks the factor after 5 wrong codes per account, across new challenges, even for the right code', async () => {
    const coordinator = await enrolledCoordinator();
    for (let i = 0; i < 5; i++) {
      const { challengeToken } = await login(coordinator.email);
      expect(codes(await verify(challengeToken, { code: wrongCode(coordinator.secret) }))).toEqual(['INVALID_SECOND_FACTOR']);
    }
    await forgetLastStep(coordinator.userId);
    const { challengeToken } = await login(coordinator.email);
    expect(codes(await verify(challengeToken, { code: totpCode(coordinator.secret) }))).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(codes(await verify(challengeToken, { recoveryCode: coordinator.recoveryCodes[0] }))).toEqual(['TOO_MANY_ATTEMPTS']);
    const audit = await events(coordinator.userId);
    expect(audit.filter((e) => e.kind === 'SECOND_FACTOR_FAILED' && e.detail === 'WRONG_CODE')).toHaveLength(5);
    expect(audit.filter((e) => e.kind === 'LOCKOUT').map((e) => e.detail)).toEqual(['SECOND_FACTOR']);
    // Another account is not affected.
    expect(await t.signIn()).toEqual(expect.any(String));
  });

  it('lists your own live sessions without addresses, revokes one, and hides other accounts’ sessions', async () => {
    const coordinator = await enrolledCoordinator();
    const second = await t.signIn(coordinator.email, PASSWORD);
    const listed = (await t.gql(SESSIONS, {}, coordinator.token)).data!.myAuthSessions;
    expect(listed.totalCount).toBe(2);
    expect(listed.items.map((s: { current: boolean }) => s.current)).toEqual([false, true]);
    expect(listed.items.every((s: { secondFactor: boolean }) => s.secondFactor)).toBe(true);
    expect(Object.keys(listed.items[0]).sort()).toEqual(['createdAt', 'current', 'id', 'lastUsedAt', 'secondFactor']);

    expect(codes(await t.gql(REVOKE, { id: listed.items[1].id }, secretariat))).toEqual(['NOT_FOUND']);
    expect(await t.gql(REVOKE, { id: listed.items[0].id }, coordinator.token)).toMatchObject({ data: { revokeAuthSession: true } });
    expect(codes(await t.gql(ME, {}, second))).toEqual(['UNAUTHENTICATED']);
    expect((await t.gql(SESSIONS, {}, coordinator.token)).data!.myAuthSessions.totalCount).toBe(1);
    expect((await events(coordinator.userId))[0]).toMatchObject({ kind: 'SESSION_REVOKED', detail: 'BY_OWNER' });
  });

  it('lets the secretariat end every session of an account, and no one else', async () => {
    const coordinator = await enrolledCoordinator();
    const other = await enrolledCoordinator();
    const second = await t.signIn(coordinator.email, PASSWORD);
    expect(codes(await t.gql(REVOKE_USER, { id: coordinator.userId }, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVOKE_USER, { id: '00000000-0000-4000-8000-000000000000' }, secretariat))).toEqual(['NOT_FOUND']);
    expect((await t.gql(REVOKE_USER, { id: coordinator.userId }, secretariat)).data!.revokeUserAuthSessions).toBe(2);
    expect(codes(await t.gql(ME, {}, coordinator.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, second))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, other.token))).toEqual([]);
    const revoked = (await events(coordinator.userId)).filter((e) => e.kind === 'SESSION_REVOKED');
    expect(revoked).toHaveLength(2);
    expect(revoked.every((e) => e.detail === 'BY_SECRETARIAT' && e.actorUserId !== null)).toBe(true);
  });

  it('changes a password only with the current one, ends the other sessions and open challenges, and keeps this one', async () => {
    const coordinator = await enrolledCoordinator();
    const second = await t.signIn(coordinator.email, PASSWORD);
    const pending = await login(coordinator.email);
    const change = (currentPassword: string, newPassword: string) =>
      t.gql(CHANGE_PASSWORD, { input: { currentPassword, newPassword } }, coordinator.token);

    expect((await change('not the password', 'a brand new passphrase')).errors![0].extensions).toEqual({
      code: 'INVALID_CREDENTIALS',
      field: 'input.currentPassword',
    });
    expect((await change(PASSWORD, 'short')).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    expect(codes(await change(PASSWORD, PASSWORD))).toEqual(['BAD_USER_INPUT']);
    expect((await change(PASSWORD, 'a brand new passphrase')).data!.changePassword).toBe(true);

    expect(codes(await t.gql(ME, {}, second))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await createDelegate(coordinator.token))).toEqual([]);
    await forgetLastStep(coordinator.userId);
    expect(codes(await verify(pending.challengeToken, { code: totpCode(coordinator.secret) }))).toEqual(['INVALID_TOKEN']);
    expect(codes(await t.gql(LOGIN, { input: { email: coordinator.email, password: PASSWORD } }))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login(coordinator.email, 'a brand new passphrase')).__typename).toBe('SecondFactorChallenge');
    const kinds = (await events(coordinator.userId)).map((e) => e.kind);
    expect(kinds).toContain('PASSWORD_CHANGED');
    expect(kinds).toContain('PASSWORD_CONFIRMATION_FAILED');
  });

  it('counts wrong current passwords toward the account lock, so a stolen session cannot guess the password', async () => {
    const coordinator = await enrolledCoordinator();
    const attempt = () =>
      t.gql(CHANGE_PASSWORD, { input: { currentPassword: 'a wrong guess here', newPassword: 'another passphrase' } }, coordinator.token);
    for (let i = 0; i < 4; i++) expect(codes(await attempt())).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await attempt())).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(codes(await t.gql(LOGIN, { input: { email: coordinator.email, password: PASSWORD } }))).toEqual(['TOO_MANY_ATTEMPTS']);
  });

  it('removes your own factor with your password: a coordinator is then held to enrolment again', async () => {
    const coordinator = await enrolledCoordinator();
    expect(codes(await t.gql(REMOVE, { password: 'not the password' }, coordinator.token))).toEqual(['INVALID_CREDENTIALS']);
    expect((await t.gql(REMOVE, { password: PASSWORD }, coordinator.token)).data!.removeSecondFactor).toBe(true);
    expect(codes(await createDelegate(coordinator.token))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect((await t.gql(ME, {}, coordinator.token)).data!.me.secondFactor.enrolled).toBe(false);
    expect((await login(coordinator.email)).__typename).toBe('AuthPayload');
    await enrolSecondFactor(t.gql, coordinator.token);
    expect(codes(await createDelegate(coordinator.token))).toEqual([]);
  });

  it('lets the secretariat reset a lost factor: every session of the account ends and it must enrol again', async () => {
    const coordinator = await enrolledCoordinator();
    expect(codes(await t.gql(RESET, { id: coordinator.userId }, coordinator.token))).toEqual(['FORBIDDEN']);
    expect((await t.gql(RESET, { id: coordinator.userId }, secretariat)).data!.resetSecondFactor).toBe(true);
    expect(codes(await t.gql(ME, {}, coordinator.token))).toEqual(['UNAUTHENTICATED']);
    const fresh = await login(coordinator.email);
    expect(fresh.__typename).toBe('AuthPayload');
    expect(codes(await createDelegate(fresh.accessToken))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(codes(await t.gql(RESET, { id: coordinator.userId }, secretariat))).toEqual(['SECOND_FACTOR_NOT_ENROLLED']);
    expect((await events(coordinator.userId)).find((e) => e.kind === 'SECOND_FACTOR_REMOVED')).toMatchObject({
      detail: 'BY_SECRETARIAT',
      actorUserId: expect.any(String),
    });
  });

  it('audits sign-ins for the secretariat only, newest first, paginated, with no raw address or unknown email', async () => {
    expect(codes(await t.gql(LOGIN, { input: { email: 'Ghost.Person@Example.org', password: 'whatever it is' } }))).toEqual([
      'INVALID_CREDENTIALS',
    ]);
    const page = (await t.gql(EVENTS, { limit: 3 }, secretariat)).data!.authEvents;
    expect(page.items).toHaveLength(3);
    expect(page.totalCount).toBeGreaterThan(3);
    const ids = page.items.map((e: { id: string }) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const next = (await t.gql(EVENTS, { limit: 3, offset: 3 }, secretariat)).data!.authEvents;
    expect(Number(next.items[0].id)).toBeLessThan(ids[2]);

    const ghost = (await t.gql(EVENTS, { limit: 200 }, secretariat)).data!.authEvents.items.find(
      (e: { kind: string; detail: string }) => e.kind === 'LOGIN_FAILED' && e.detail === 'UNKNOWN_ACCOUNT',
    );
    expect(ghost).toMatchObject({ userId: null, accountPseudonym: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ghost.addressPseudonym).toMatch(/^[0-9a-f]{64}$/);

    const table = JSON.stringify(await t.sql('SELECT * FROM auth_event'));
    for (const clear of ['ghost', 'Ghost', 'example.org', SECRETARIAT_EMAIL, '127.0.0.1', '::1', SECRETARIAT_PASSWORD]) {
      expect(table).not.toContain(clear);
    }
    const coordinator = await enrolledCoordinator();
    expect(codes(await t.gql(EVENTS, {}, coordinator.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(EVENTS, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('deletes audit events past retention, and spent or expired challenges, in the sweep', async () => {
    const coordinator = await enrolledCoordinator();
    await login(coordinator.email);
    await t.sql("UPDATE second_factor_challenge SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [coordinator.userId]);
    const [{ id: oldest }] = await t.sql<{ id: string }>('SELECT min(id) AS id FROM auth_event');
    await t.sql("UPDATE auth_event SET occurred_at = now() - interval '31 days' WHERE id = $1", [oldest]);
    const before = Number((await t.sql('SELECT count(*) AS n FROM auth_event'))[0].n);

    expect(await t.app.get(AuthRetentionService).sweep()).toBeGreaterThanOrEqual(2);

    expect(await t.sql('SELECT id FROM auth_event WHERE id = $1', [oldest])).toEqual([]);
    expect(Number((await t.sql('SELECT count(*) AS n FROM auth_event'))[0].n)).toBe(before - 1);
    expect(await t.sql('SELECT id FROM second_factor_challenge WHERE user_id = $1', [coordinator.userId])).toEqual([]);
  });
});

describe('a secretariat account without a second factor (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { enrolSecretariat: false });
  });
  afterAll(() => t.close());

  it('signs in with the password alone but may do nothing until it enrols', async () => {
    const token = await t.signIn();
    expect(codes(await t.gql(CREATE_COMMITTEE, {}, token))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(codes(await t.gql(EVENTS, {}, token))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect((await t.gql(ME, {}, token)).data!.me.secondFactor).toMatchObject({ enrolled: false, required: true });
    const { secret } = await enrolSecondFactor(t.gql, token);
    expect(codes(await t.gql(CREATE_COMMITTEE, {}, token))).toEqual([]);
    const challenge = (await t.gql(LOGIN, { input: { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD } })).data!.login;
    expect(challenge.__typename).toBe('SecondFactorChallenge');
    await t.sql('UPDATE second_factor SET last_used_step = NULL');
    const verified = await t.gql(VERIFY_SECOND_FACTOR, { input: { challengeToken: challenge.challengeToken, code: totpCode(secret) } });
    expect(verified.data!.verifySecondFactor.me.role).toBe('SECRETARIAT');
  });
});
