import { ApiError, AUTH_FIELDS, gql } from '../api.js';
import { Child, h, replace } from '../dom.js';
import { apiForm } from '../forms.js';
import { navigate, ScreenContext } from '../router.js';
import { Role, session, Tokens } from '../session.js';
import { t } from '../strings.js';

export const HOME_OF: Record<Role, string> = { DELEGATE: '/me', COORDINATOR: '/coordinator', SECRETARIAT: '/secretariat' };

type LoginResult = ({ __typename: 'AuthPayload' } & Tokens) | { __typename: 'SecondFactorChallenge'; challengeToken: string };

/** Sign in: email and password, then (when the account has one) the authenticator code or a recovery code. */
export function signInScreen({ query }: ScreenContext): Child[] {
  const next = query.get('next');
  const place = h('div');
  const done = (tokens: Tokens) => {
    session.set(tokens);
    // The secretariat and coordinators can do nothing else until they enrol an authenticator app.
    const { enrolled, required } = tokens.me.secondFactor;
    if (required && !enrolled) navigate('/account/second-factor');
    else navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : HOME_OF[tokens.me.role]);
  };
  const secondStep = (challengeToken: string) =>
    apiForm({
      fields: [
        { name: 'code', label: t('signIn.code'), inputmode: 'numeric', autocomplete: 'one-time-code', hint: t('signIn.codeHint') },
        { name: 'recoveryCode', label: t('signIn.recoveryCode'), autocomplete: 'off', hint: t('signIn.recoveryHint') },
      ],
      submit: t('signIn.verify'),
      onSubmit: async (values) => {
        const input = values.recoveryCode
          ? { challengeToken, recoveryCode: values.recoveryCode.trim() }
          : { challengeToken, code: values.code.trim() };
        const data = await gql<{ verifySecondFactor: Tokens }>(
          `mutation($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { ${AUTH_FIELDS} } }`,
          { input },
        );
        done(data.verifySecondFactor);
      },
    });
  const firstStep = apiForm({
    fields: [
      { name: 'email', label: t('signIn.email'), type: 'email', autocomplete: 'username', required: true },
      { name: 'password', label: t('signIn.password'), type: 'password', autocomplete: 'current-password', required: true },
    ],
    submit: t('signIn.submit'),
    onSubmit: async (values) => {
      const { login } = await gql<{ login: LoginResult }>(
        `mutation($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { ${AUTH_FIELDS} }
          ... on SecondFactorChallenge { challengeToken } } }`,
        { input: { email: values.email, password: values.password } },
      );
      if (login.__typename === 'AuthPayload') return done(login);
      replace(place, h('h2', {}, t('signIn.secondFactor')), secondStep(login.challengeToken));
      place.querySelector('input')?.focus();
    },
  });
  replace(place, firstStep);
  return [h('h1', {}, t('signIn.title')), h('p', { class: 'muted' }, t('signIn.memoryOnly')), place];
}

/** Ends the session on the server too, so its tokens stop working at once. */
export async function signOut(): Promise<void> {
  try {
    if (session.tokens) await gql('mutation { logout }');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  } finally {
    session.set(null);
    navigate('/');
  }
}

/** Enrol an authenticator app (required of the secretariat and coordinators before anything else). */
export function secondFactorScreen(): Child[] {
  const place = h('div');
  const start = apiForm({
    fields: [],
    submit: t('twoFactor.start'),
    onSubmit: async () => {
      const { startSecondFactorEnrolment: e } = await gql<{ startSecondFactorEnrolment: { secret: string; provisioningUri: string } }>(
        'mutation { startSecondFactorEnrolment { secret provisioningUri } }',
      );
      replace(
        place,
        h('p', {}, t('twoFactor.addToApp')),
        h('p', { class: 'receipt' }, e.secret),
        h('p', { class: 'muted mono' }, e.provisioningUri),
        apiForm({
          fields: [{ name: 'code', label: t('signIn.code'), inputmode: 'numeric', autocomplete: 'one-time-code', required: true }],
          submit: t('twoFactor.confirm'),
          onSubmit: async (values) => {
            const { confirmSecondFactorEnrolment } = await gql<{ confirmSecondFactorEnrolment: { recoveryCodes: string[] } }>(
              'mutation($input: ConfirmSecondFactorInput!) { confirmSecondFactorEnrolment(input: $input) { recoveryCodes } }',
              { input: { code: values.code.trim() } },
            );
            const me = session.me;
            if (me) session.set({ ...session.tokens!, me: { ...me, secondFactor: { ...me.secondFactor, enrolled: true } } });
            replace(
              place,
              h('p', { class: 'result-ok' }, '✓ ', t('twoFactor.done')),
              h('p', {}, t('twoFactor.recoveryOnce')),
              h('ul', { class: 'receipt' }, ...confirmSecondFactorEnrolment.recoveryCodes.map((code) => h('li', {}, code))),
            );
          },
        }),
      );
    },
  });
  replace(place, start);
  return [h('h1', {}, t('twoFactor.title')), h('p', {}, t('twoFactor.about')), place];
}
