import { h, replace } from './dom.js';
import { render, Route, startRouter } from './router.js';
import { ballotScreen, receiptCheckScreen } from './screens/ballot.js';
import { HOME_OF, secondFactorScreen, signInScreen, signOut } from './screens/auth.js';
import { committeeAgreementScreen, committeeScreen } from './screens/committee.js';
import { constituentsScreen, coordinatorScreen, importScreen } from './screens/coordinator.js';
import { delegateHomeScreen } from './screens/delegate.js';
import * as pub from './screens/public.js';
import { recordScreen } from './screens/record.js';
import { manageSessionScreen, secretariatScreen } from './screens/secretariat.js';
import { session } from './session.js';
import { locale, t } from './strings.js';

const routes: Route[] = [
  { path: '/', screen: pub.homeScreen },
  { path: '/delegations', screen: pub.delegationsScreen },
  { path: '/delegations/:code', screen: pub.delegationScreen },
  { path: '/committees', screen: pub.committeesScreen },
  { path: '/sessions', screen: pub.sessionsScreen },
  { path: '/sessions/:id', screen: pub.sessionScreen },
  { path: '/resolutions', screen: pub.resolutionsScreen },
  { path: '/resolutions/:id', screen: pub.resolutionScreen },
  { path: '/votes/:id/bulletin', screen: pub.bulletinScreen },
  { path: '/agreements', screen: pub.agreementsScreen },
  { path: '/agreements/:id', screen: pub.agreementScreen },
  { path: '/record', screen: recordScreen },
  { path: '/receipt', screen: receiptCheckScreen },
  { path: '/sign-in', screen: signInScreen },
  { path: '/account/second-factor', screen: secondFactorScreen, roles: ['DELEGATE', 'COORDINATOR', 'SECRETARIAT'] },
  { path: '/me', screen: delegateHomeScreen, roles: ['DELEGATE'] },
  { path: '/ballot/:id', screen: ballotScreen, roles: ['DELEGATE'] },
  { path: '/coordinator', screen: coordinatorScreen, roles: ['COORDINATOR'] },
  { path: '/coordinator/constituents', screen: constituentsScreen, roles: ['COORDINATOR'] },
  { path: '/coordinator/import', screen: importScreen, roles: ['COORDINATOR'] },
  { path: '/secretariat', screen: secretariatScreen, roles: ['SECRETARIAT'] },
  { path: '/secretariat/sessions/:id', screen: manageSessionScreen, roles: ['SECRETARIAT'] },
  { path: '/committee', screen: committeeScreen, roles: ['DELEGATE', 'SECRETARIAT'] },
  { path: '/committee/agreements/:id', screen: committeeAgreementScreen, roles: ['DELEGATE', 'SECRETARIAT'] },
];

/** The menu: public sections, then the signed-in role's own pages and sign-out. */
function renderNav(): void {
  const nav = document.getElementById('nav');
  if (!nav) return;
  const me = session.me;
  const links: [string, string][] = [
    ['/delegations', t('nav.delegations')],
    ['/committees', t('nav.committees')],
    ['/sessions', t('nav.sessions')],
    ['/resolutions', t('nav.resolutions')],
    ['/agreements', t('nav.agreements')],
    ['/record', t('nav.record')],
  ];
  if (me) {
    links.push([HOME_OF[me.role], t(`nav.home.${me.role}`)]);
    if (me.role !== 'COORDINATOR') links.push(['/committee', t('nav.committee')]);
  }
  const items = links.map(([href, label]) =>
    h('li', {}, h('a', { href, 'aria-current': location.pathname === href ? 'page' : null }, label)),
  );
  const account = me
    ? h(
        'li',
        {},
        h('span', { class: 'muted' }, me.displayName),
        ' ',
        h('button', { type: 'button', class: 'secondary', onClick: () => void signOut() }, t('nav.signOut')),
      )
    : h('li', {}, h('a', { href: '/sign-in' }, t('nav.signIn')));
  replace(nav, h('ul', {}, ...items, account));
}

document.documentElement.lang = locale;
session.onChange(renderNav);
document.addEventListener('routechange', renderNav);
renderNav();
startRouter(routes);
// Signing out elsewhere (a failed renewal) must not leave a signed-in page on screen.
session.onChange(() => {
  if (!session.me) void render();
});
