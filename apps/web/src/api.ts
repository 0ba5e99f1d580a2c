import { session, Tokens } from './session.js';
import { t } from './strings.js';

/** One GraphQL error as the API sends it: a stable code, a human message, and (for bad input) the field it names. */
export interface ApiProblem {
  message: string;
  code: string;
  /** Dotted path into the variables, e.g. `input.email`. */
  field?: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(readonly problems: ApiProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
  }

  has(code: string): boolean {
    return this.problems.some((problem) => problem.code === code);
  }
}

const ENDPOINT = '/graphql';
/** Renew this long before the access token expires, so a request never races its expiry. */
const RENEW_MARGIN_MS = 60_000;

export const AUTH_FIELDS =
  'accessToken accessTokenExpiresAt refreshToken me { id councilId delegationId displayName email role secondFactor { enrolled required } }';

async function post<T>(query: string, variables: Record<string, unknown>, accessToken?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify({ query, variables }),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError([{ message: t('error.network'), code: 'NETWORK' }]);
  }
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string; field?: string; details?: Record<string, unknown> } }[];
  };
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((error) => ({
        message: error.message,
        code: error.extensions?.code ?? 'INTERNAL',
        field: error.extensions?.field,
        details: error.extensions?.details,
      })),
    );
  }
  if (!response.ok || !body.data) throw new ApiError([{ message: t('error.server', { status: response.status }), code: 'HTTP' }]);
  return body.data;
}

let renewing: Promise<void> | null = null;

/** Trades the refresh token for new tokens once, however many requests are waiting; a failure signs out. */
function renew(tokens: Tokens): Promise<void> {
  renewing ??= post<{ refreshSession: Tokens }>(
    `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { ${AUTH_FIELDS} } }`,
    { input: { refreshToken: tokens.refreshToken } },
  )
    .then((data) => session.set(data.refreshSession))
    .catch(() => session.set(null))
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

/** A query or mutation as the signed-in user (or anonymously), renewing the access token when it is about to expire. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const tokens = session.tokens;
  if (tokens && Date.parse(tokens.accessTokenExpiresAt) - Date.now() < RENEW_MARGIN_MS) await renew(tokens);
  return post<T>(query, variables, session.tokens?.accessToken);
}
