import { Child, h, replace } from './dom.js';
import { Role, session } from './session.js';
import { t } from './strings.js';

/** What a screen gets: the path's parameters, and a place to register clean-up (closing live subscriptions). */
export interface ScreenContext {
  params: Record<string, string>;
  query: URLSearchParams;
  onLeave(cleanup: () => void): void;
}

export type Screen = (context: ScreenContext) => Promise<Child> | Child;

export interface Route {
  path: string;
  screen: Screen;
  /** Who may open it; none = everyone. Others are sent to sign in (the API enforces access regardless). */
  roles?: Role[];
}

let routes: Route[] = [];
let leaving: (() => void)[] = [];

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  void render();
}

export async function render(): Promise<void> {
  for (const cleanup of leaving) cleanup();
  leaving = [];
  const main = document.getElementById('main') as HTMLElement;
  const path = location.pathname;
  let found: { route: Route; params: Record<string, string> } | null = null;
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) {
      found = { route, params };
      break;
    }
  }
  document.dispatchEvent(new CustomEvent('routechange'));
  if (!found) {
    replace(main, h('h1', {}, t('notFound.title')), h('p', {}, h('a', { href: '/' }, t('notFound.home'))));
    return;
  }
  const roles = found.route.roles;
  if (roles && !(session.me && roles.includes(session.me.role))) {
    // Replace, not push: Back must not return to a page that only redirects again.
    history.replaceState(null, '', `/sign-in?next=${encodeURIComponent(path + location.search)}`);
    return render();
  }
  replace(main, h('p', { class: 'muted' }, t('loading')));
  const context: ScreenContext = {
    params: found.params,
    query: new URLSearchParams(location.search),
    onLeave: (cleanup) => leaving.push(cleanup),
  };
  try {
    const content = await found.route.screen(context);
    if (location.pathname !== path) return;
    replace(main, content);
  } catch (error) {
    replace(main, h('h1', {}, t('error.title')), h('p', { class: 'form-error', role: 'alert' }, String((error as Error).message)));
  }
  // Move focus to the new page's heading, as a full page load would, for keyboard and screen-reader users.
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.title = `${heading.textContent} · ${t('app.name')}`;
  }
}

/** Same-origin links change the page without a reload (which would sign the user out: tokens live in memory). */
export function startRouter(table: Route[]): void {
  routes = table;
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/graphql') || link.hasAttribute('download')) return;
    if (url.hash && url.pathname === location.pathname) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => void render());
  void render();
}
