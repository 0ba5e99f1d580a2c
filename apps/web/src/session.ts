/**
 * The signed-in session, in memory only: never localStorage, sessionStorage, IndexedDB or a cookie. A reload or
 * a closed tab signs out, and a shared or seized device keeps nothing (see docs/web.md for why).
 */
export type Role = 'SECRETARIAT' | 'COORDINATOR' | 'DELEGATE';

export interface Me {
  id: string;
  councilId: string;
  delegationId: string | null;
  displayName: string;
  email: string;
  role: Role;
  secondFactor: { enrolled: boolean; required: boolean };
}

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  me: Me;
}

let current: Tokens | null = null;
const listeners = new Set<() => void>();

export const session = {
  get tokens(): Tokens | null {
    return current;
  },
  get me(): Me | null {
    return current?.me ?? null;
  },
  set(tokens: Tokens | null): void {
    current = tokens;
    for (const listener of listeners) listener();
  },
  onChange(listener: () => void): void {
    listeners.add(listener);
  },
};
