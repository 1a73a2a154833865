/**
 * The session token lives in sessionStorage: it is gone when the tab closes, and it is not
 * shared with other tabs (each tab signs in on its own). It is sent as a bearer header and in
 * graphql-ws's connection_init, never in a URL.
 */
const KEY = 'kok.admin.token';

export function loadToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
