// The login page's address with where to return after signing in (?next=), and the check that a
// returned-to address stays inside the client (no other site, no loop back to the login page).

export const LOGIN_PATH = '/login';

export function loginPath(from: { pathname: string; search?: string; hash?: string }): string {
  const next = `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
  return next === '/' || from.pathname === LOGIN_PATH
    ? LOGIN_PATH
    : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

/** A path of this client to go to after signing in; the map page for anything else. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`) || next.startsWith(`${LOGIN_PATH}/`))
    return '/';
  return next;
}
