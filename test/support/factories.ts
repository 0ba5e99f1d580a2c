import { AuthService } from '@gc/auth';
import { TestApp } from './test-app';
import { enrolSecondFactor } from './two-factor';

export interface SeatedDelegate {
  delegateId: string;
  userId: string;
  token: string;
}

/** A coordinator account for the delegation, signed in with the second factor it enrolled on activation. */
export async function coordinatorOf(
  t: TestApp,
  countryCode: string,
  secretariatToken: string,
): Promise<{ token: string; delegationId: string }> {
  const { data } = await t.gql(`{ delegationByCode(countryCode: "${countryCode}") { id } }`);
  const delegationId = data!.delegationByCode.id;
  const email = `coordinator-${countryCode.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const invited = await t.gql(
    'mutation($input: AssignCoordinatorInput!) { assignCoordinator(input: $input) { activationToken } }',
    { input: { delegationId, displayName: `Coordinator ${countryCode}`, email } },
    secretariatToken,
  );
  const activated = await t.gql('mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { accessToken } }', {
    input: { token: invited.data!.assignCoordinator.activationToken, password: 'coordinator passphrase' },
  });
  const token = activated.data!.activateAccount.accessToken;
  t.secondFactorSecrets.set(email, (await enrolSecondFactor(t.gql, token)).secret);
  return { token, delegationId };
}

async function ok<T>(promise: Promise<{ data: T | null | undefined; errors?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.data || result.errors) throw new Error(`factory call failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/**
 * `count` delegates of one delegation, created, accredited and seated through the coordinator's real API
 * (one mandate each, imported from CSV), each with a sign-in account. Their access tokens are issued by
 * the real AuthService directly, which skips only the password step (Argon2 would dominate the run).
 */
export async function seatedDelegates(
  t: TestApp,
  coordinator: { token: string; delegationId: string },
  count: number,
  prefix = 'Delegate',
): Promise<SeatedDelegate[]> {
  const delegates: { id: string; name: string }[] = [];
  for (let i = 0; i < count; i += 25) {
    const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => `${prefix} ${i + j + 1}`);
    const created = await Promise.all(
      batch.map((name) =>
        ok<{ createDelegate: { id: string } }>(
          t.gql(
            'mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }',
            {
              input: { delegationId: coordinator.delegationId, displayName: name },
            },
            coordinator.token,
          ),
        ).then((data) => ({ id: data.createDelegate.id, name })),
      ),
    );
    await Promise.all(
      created.map((d) =>
        ok(
          t.gql(
            'mutation($input: DelegateInput!) { accreditDelegate(input: $input) { id } }',
            { input: { delegateId: d.id } },
            coordinator.token,
          ),
        ),
      ),
    );
    delegates.push(...created);
  }
  const csv = [
    'name,email,delegate',
    ...delegates.map((d, i) => `Constituent ${prefix} ${i + 1},c-${prefix.replace(/\W/g, '')}-${i + 1}@example.org,${d.name}`),
  ].join('\n');
  await ok(
    t.gql(
      'mutation($input: ImportConstituentsInput!) { importConstituents(input: $input) { __typename } }',
      {
        input: { delegationId: coordinator.delegationId, csv },
      },
      coordinator.token,
    ),
  );
  const auth = t.app.get(AuthService);
  const seated: SeatedDelegate[] = [];
  for (let i = 0; i < delegates.length; i += 25) {
    const batch = delegates.slice(i, i + 25);
    await Promise.all(
      batch.map(async (d) => {
        await ok(
          t.gql(
            'mutation($input: CreateDelegateLoginInput!) { createDelegateLogin(input: $input) { __typename } }',
            {
              input: { delegateId: d.id, email: `login-${d.id}@example.org` },
            },
            coordinator.token,
          ),
        );
        const [user] = await t.sql<{ id: string }>('UPDATE user_account SET activated_at = now() WHERE email = $1 RETURNING id', [
          `login-${d.id}@example.org`,
        ]);
        const tokens = await auth.startSession(user.id);
        seated.push({ delegateId: d.id, userId: user.id, token: tokens.accessToken });
      }),
    );
  }
  return seated;
}
