import { totpCode } from '@gc/auth';
import type { GqlResult } from './test-app';

type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<GqlResult<T>>;

export const START_ENROLMENT = 'mutation { startSecondFactorEnrolment { secret provisioningUri } }';
export const CONFIRM_ENROLMENT = 'mutation($code: String!) { confirmSecondFactorEnrolment(input: { code: $code }) { recoveryCodes } }';
export const VERIFY_SECOND_FACTOR =
  'mutation($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { accessToken refreshToken me { role } } }';
/** Shallow, so that it passes the tightest depth limit a test sets. */
export const LOGIN =
  'mutation($input: LoginInput!) { login(input: $input) { __typename ' +
  '... on AuthPayload { accessToken refreshToken } ... on SecondFactorChallenge { challengeToken expiresAt } } }';

export interface EnrolledFactor {
  secret: string;
  recoveryCodes: string[];
}

/**
 * Sets up an authenticator for the account of `token` through the real API, with a real RFC 6238 code:
 * the session of `token` then counts as having presented the second factor.
 */
export async function enrolSecondFactor(gql: Gql, token: string): Promise<EnrolledFactor> {
  const started = await gql<{ startSecondFactorEnrolment: { secret: string } }>(START_ENROLMENT, {}, token);
  if (!started.data) throw new Error(`startSecondFactorEnrolment failed: ${JSON.stringify(started.errors)}`);
  const { secret } = started.data.startSecondFactorEnrolment;
  const confirmed = await gql<{ confirmSecondFactorEnrolment: { recoveryCodes: string[] } }>(
    CONFIRM_ENROLMENT,
    { code: totpCode(secret) },
    token,
  );
  if (!confirmed.data) throw new Error(`confirmSecondFactorEnrolment failed: ${JSON.stringify(confirmed.errors)}`);
  return { secret, recoveryCodes: confirmed.data.confirmSecondFactorEnrolment.recoveryCodes };
}
