import { TestApp } from './test-app';
import { enrolSecondFactor } from './two-factor';

/** Small factories over the public API, for tests that need coordinators, delegates and constituents. */

export const CSV_HEADER = 'name,email,phone,city,notes,delegate,expires_at';

const must = <T>(result: { data?: T | null; errors?: unknown }, what: string): T => {
  if (result.errors || !result.data) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
};

export async function delegationId(t: TestApp, countryCode: string): Promise<string> {
  const result = await t.gql('query($code: String!) { delegationByCode(countryCode: $code) { id } }', { code: countryCode });
  return must(result, 'delegationByCode').delegationByCode.id;
}

/**
 * Invites a coordinator as the secretariat, activates the account, enrols its second factor (coordinators
 * can do nothing else before), and returns their access token.
 */
export async function signUpCoordinator(t: TestApp, secretariat: string, delegation: string, email: string): Promise<string> {
  const invited = await t.gql(
    'mutation($input: AssignCoordinatorInput!) { assignCoordinator(input: $input) { activationToken } }',
    { input: { delegationId: delegation, displayName: `Coordinator ${email}`, email } },
    secretariat,
  );
  const token = await activate(t, must(invited, 'assignCoordinator').assignCoordinator.activationToken);
  t.secondFactorSecrets.set(email.trim().toLowerCase(), (await enrolSecondFactor(t.gql, token)).secret);
  return token;
}

export async function activate(t: TestApp, token: string): Promise<string> {
  const activated = await t.gql('mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { accessToken } }', {
    input: { token, password: 'a long enough passphrase for tests' },
  });
  return must(activated, 'activateAccount').activateAccount.accessToken;
}

export async function createDelegate(
  t: TestApp,
  coordinator: string,
  delegation: string,
  displayName: string,
  accredit = true,
): Promise<string> {
  const created = await t.gql(
    'mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }',
    { input: { delegationId: delegation, displayName } },
    coordinator,
  );
  const id = must(created, 'createDelegate').createDelegate.id;
  if (accredit) {
    must(
      await t.gql('mutation($id: ID!) { accreditDelegate(input: { delegateId: $id }) { id } }', { id }, coordinator),
      'accreditDelegate',
    );
  }
  return id;
}

export function importCsv(t: TestApp, coordinator: string, delegation: string, csv: string) {
  return t.gql(
    'mutation($input: ImportConstituentsInput!) { importConstituents(input: $input) { constituentsImported mandatesIssued } }',
    { input: { delegationId: delegation, csv } },
    coordinator,
  );
}
