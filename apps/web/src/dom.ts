/**
 * The one way the client builds DOM: elements with text nodes, never HTML strings, so that nothing the API
 * returns can become markup (with the CSP, the main defence against XSS).
 */
export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A table with a header row; cells are children, so they may hold links and buttons. */
export function table(caption: string, headers: string[], rows: Child[][]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', { class: 'sr-only' }, caption),
      h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
    ),
  );
}

/** A state shown with a word and a symbol as well as a colour. */
export function badge(text: string, tone: 'ok' | 'bad' | 'warn' | 'plain' = 'plain'): HTMLElement {
  const symbol = tone === 'ok' ? '✓ ' : tone === 'bad' ? '✗ ' : tone === 'warn' ? '! ' : '';
  return h('span', { class: `badge ${tone}` }, symbol + text);
}

/** Announces a short message to screen readers (the page's polite live region). */
export function announce(message: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}
