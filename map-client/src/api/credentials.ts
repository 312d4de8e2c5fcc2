// What every request carries for the signed-in user, and who hears of a refused one: the session's CSRF
// token (sent as X-CSRF-Token on changes, since the session cookie alone is not proof of intent), the
// listener the session context registers to send the user to the login page on a 401, and the one that
// reloads the session when the server refuses the token (the cookie now belongs to another sign-in, e.g.
// in another tab).

let csrfToken: string | null = null;
let unauthenticatedListener: ((path: string) => void) | null = null;
let csrfRejectedListener: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The X-CSRF-Token header for a state-changing request, when someone is signed in. */
export function csrfHeaders(method: string): Record<string, string> {
  if (SAFE_METHODS.has(method.toUpperCase()) || csrfToken === null) return {};
  return { 'X-CSRF-Token': csrfToken };
}

/** Registers the one listener for 401 answers of protected calls; returns its removal. */
export function onUnauthenticated(listener: (path: string) => void): () => void {
  unauthenticatedListener = listener;
  return () => {
    if (unauthenticatedListener === listener) unauthenticatedListener = null;
  };
}

export function reportUnauthenticated(path: string): void {
  unauthenticatedListener?.(path);
}

/** Registers the one listener for 403 csrf_failed answers; returns its removal. */
export function onCsrfRejected(listener: () => void): () => void {
  csrfRejectedListener = listener;
  return () => {
    if (csrfRejectedListener === listener) csrfRejectedListener = null;
  };
}

export function reportCsrfRejected(): void {
  csrfRejectedListener?.();
}
