import { codes, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, startTestApp, TestApp } from './support/test-app';

const LOGIN =
  'mutation($input: LoginInput!) { login(input: $input) { __typename ' +
  '... on AuthPayload { accessToken refreshToken me { email role } } ... on SecondFactorChallenge { challengeToken expiresAt } } }';
const REFRESH = 'mutation($token: String!) { refreshSession(input: { refreshToken: $token }) { accessToken refreshToken } }';
const ME = '{ me { email role displayName } }';
const ASSIGN =
  'mutation($input: AssignCoordinatorInput!) { assignCoordinator(input: $input) { activationToken expiresAt coordinator { id displayName } } }';
const ACTIVATE =
  'mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { accessToken me { role delegationId email } } }';

describe('accounts and sessions (e2e)', () => {
  let t: TestApp;
  let delegationId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const { data } = await t.gql('{ delegationByCode(countryCode: "DE") { id } }');
    delegationId = data!.delegationByCode.id;
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.gql(LOGIN, { input: { email, password } });

  it('signs in with email, password and second factor and returns a short-lived access token and a refresh token', async () => {
    const { data, errors } = await login(' Secretariat@Test.Council ', SECRETARIAT_PASSWORD);
    expect(errors).toBeUndefined();
    // The secretariat has a second factor: the password alone yields a challenge, not tokens.
    expect(Object.keys(data!.login).sort()).toEqual(['__typename', 'challengeToken', 'expiresAt']);
    const { accessToken } = await t.signInSession(' Secretariat@Test.Council ', SECRETARIAT_PASSWORD);
    const [, payload] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(900);
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'sid', 'sub']);
    const me = await t.gql(ME, {}, accessToken);
    expect(me.data!.me).toMatchObject({ email: SECRETARIAT_EMAIL, role: 'SECRETARIAT' });
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const wrongPassword = await login(SECRETARIAT_EMAIL, 'not the password at all');
    const unknownEmail = await login('nobody@example.org', 'not the password at all');
    expect(wrongPassword.errors).toEqual(unknownEmail.errors);
    expect(codes(wrongPassword)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('refuses tokens signed with another algorithm or key, and unsigned tokens', async () => {
    const { accessToken } = await t.signInSession();
    const [header, payload] = accessToken.split('.');
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const token of [`${noneHeader}.${payload}.`, `${header}.${payload}.AAAA`, 'garbage']) {
      const result = await t.gql(ME, {}, token);
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('rotates refresh tokens, and a reused one revokes the whole session', async () => {
    const first = await t.signInSession();
    const second = await t.gql(REFRESH, { token: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshSession;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(ME, {}, rotated.accessToken)).data!.me.role).toBe('SECRETARIAT');

    const replay = await t.gql(REFRESH, { token: first.refreshToken });
    expect(codes(replay)).toEqual(['INVALID_TOKEN']);
    // The thief's replay ended the session: the legitimate holder's newer tokens stop working too.
    expect(codes(await t.gql(REFRESH, { token: rotated.refreshToken }))).toEqual(['INVALID_TOKEN']);
    expect(codes(await t.gql(ME, {}, rotated.accessToken))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const { refreshToken } = await t.signInSession();
    const results = await Promise.all([t.gql(REFRESH, { token: refreshToken }), t.gql(REFRESH, { token: refreshToken })]);
    expect(results.filter((r) => r.data?.refreshSession).length).toBe(1);
  });

  it('logs out: the access token and the refresh token stop working at once', async () => {
    const { accessToken, refreshToken } = await t.signInSession();
    expect((await t.gql('mutation { logout }', {}, accessToken)).data!.logout).toBe(true);
    expect(codes(await t.gql(ME, {}, accessToken))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(REFRESH, { token: refreshToken }))).toEqual(['INVALID_TOKEN']);
  });

  it('lets the secretariat create a coordinator who activates the account once with the token', async () => {
    const token = await t.signIn();
    const invited = await t.gql(ASSIGN, { input: { delegationId, displayName: 'Farida N.', email: 'Farida@Example.org' } }, token);
    expect(invited.errors).toBeUndefined();
    const { activationToken } = invited.data!.assignCoordinator;

    expect(codes(await login('farida@example.org', 'whatever password'))).toEqual(['INVALID_CREDENTIALS']);

    const short = await t.gql(ACTIVATE, { input: { token: activationToken, password: 'short' } });
    expect(short.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.password' });

    const activated = await t.gql(ACTIVATE, { input: { token: activationToken, password: 'a long enough passphrase' } });
    expect(activated.errors).toBeUndefined();
    expect(activated.data!.activateAccount.me).toEqual({ role: 'COORDINATOR', delegationId, email: 'farida@example.org' });

    const again = await t.gql(ACTIVATE, { input: { token: activationToken, password: 'another long passphrase' } });
    expect(again.errors![0].extensions).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });

    expect((await login('farida@example.org', 'a long enough passphrase')).data!.login.me.role).toBe('COORDINATOR');
    const delegation = await t.gql(`{ delegation(id: "${delegationId}") { coordinators { displayName } } }`);
    expect(delegation.data!.delegation.coordinators).toEqual([{ displayName: 'Farida N.' }]);
  });

  it('refuses a duplicate email, an unknown delegation, and a bad email with the field named, creating nothing', async () => {
    const token = await t.signIn();
    await t.gql(ASSIGN, { input: { delegationId, displayName: 'First', email: 'dup@example.org' } }, token);
    const duplicate = await t.gql(ASSIGN, { input: { delegationId, displayName: 'Second', email: 'DUP@example.org' } }, token);
    expect(duplicate.errors![0].extensions).toEqual({ code: 'ALREADY_EXISTS', field: 'input.email' });
    const unknown = await t.gql(
      ASSIGN,
      { input: { delegationId: '00000000-0000-4000-8000-000000000000', displayName: 'X Y', email: 'x@example.org' } },
      token,
    );
    expect(unknown.errors![0].extensions).toEqual({ code: 'NOT_FOUND', field: 'input.delegationId' });
    const badEmail = await t.gql(ASSIGN, { input: { delegationId, displayName: 'X Y', email: 'not-an-email' } }, token);
    expect(badEmail.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const rows = await t.sql("SELECT count(*)::int AS n FROM user_account WHERE display_name IN ('Second', 'X Y')");
    expect(rows[0].n).toBe(0);
  });

  it('enforces roles: anonymous callers must sign in, coordinators cannot act as the secretariat', async () => {
    const anonymous = await t.gql(
      'mutation { createCommittee(input: { slug: "x-y", name: "Some committee", mandate: "Does something useful." }) { id } }',
    );
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const secretariat = await t.signIn();
    const invited = await t.gql(ASSIGN, { input: { delegationId, displayName: 'Role Test', email: 'role@example.org' } }, secretariat);
    const activated = await t.gql(ACTIVATE, {
      input: { token: invited.data!.assignCoordinator.activationToken, password: 'a long enough passphrase' },
    });
    const coordinator = activated.data!.activateAccount.accessToken;
    const forbidden = await t.gql(
      'mutation { createCommittee(input: { slug: "x-y", name: "Some committee", mandate: "Does something useful." }) { id } }',
      {},
      coordinator,
    );
    expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ASSIGN, { input: { delegationId, displayName: 'Z Z', email: 'z@example.org' } }, coordinator))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('locks an account after 5 failures, even for the right password and from any address', async () => {
    const token = await t.signIn();
    const invited = await t.gql(ASSIGN, { input: { delegationId, displayName: 'Lock Test', email: 'lock@example.org' } }, token);
    await t.gql(ACTIVATE, { input: { token: invited.data!.assignCoordinator.activationToken, password: 'the right passphrase' } });
    for (let i = 0; i < 5; i++) expect(codes(await login('lock@example.org', `wrong passphrase ${i}`))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await login('lock@example.org', 'the right passphrase'))).toEqual(['TOO_MANY_ATTEMPTS']);
    // Other accounts are not affected by this account's lock.
    expect((await login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD)).data!.login.__typename).toBe('SecondFactorChallenge');
    const rows = await t.sql<{ key_hash: string }>('SELECT key_hash FROM login_throttle');
    expect(rows.every((r: { key_hash: string }) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
  });

  it('counts concurrent failures: a burst of 20 wrong passwords cannot slip past the lock', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login('burst@example.org', `wrong ${i}`)));
    expect(burst.every((r) => ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'].includes(codes(r)[0]))).toBe(true);
    const rows = await t.sql('SELECT max(failures)::int AS n FROM login_throttle');
    expect(rows[0].n).toBeGreaterThanOrEqual(5);
  });

  it('stores passwords as Argon2id and refresh and activation tokens only as hashes', async () => {
    const users = await t.sql<{ password_hash: string | null }>('SELECT password_hash FROM user_account');
    for (const user of users.filter((u: { password_hash: string | null }) => u.password_hash)) {
      expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
    const tokens = await t.sql('SELECT token_hash FROM refresh_token');
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(token.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never writes passwords, tokens or emails to the logs', async () => {
    const joined = t.logs.join('\n');
    for (const secret of [
      SECRETARIAT_PASSWORD,
      'a long enough passphrase',
      'the right passphrase',
      'farida@example.org',
      SECRETARIAT_EMAIL,
    ]) {
      expect(joined).not.toContain(secret);
    }
    expect(t.logs.length).toBeGreaterThan(10);
  });
});
