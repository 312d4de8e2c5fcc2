// The browser's session with spatial-api: who is signed in (GET), signing in (POST) and out (DELETE), and
// changing one's password (PUT). The session itself is an httpOnly cookie the browser keeps.
import { ApiError, callJson, callNoContent } from './client';
import type { SessionInfo } from './types';

const SESSION_PATH = '/api/v1/session';

/** The current session, or null when nobody is signed in (401). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    return await callJson<SessionInfo>(SESSION_PATH, { signal, signInOnUnauthenticated: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Throws the server's error for a wrong password (401), a locked (429) or a disabled account. */
export function signIn(username: string, password: string): Promise<SessionInfo> {
  return callJson<SessionInfo>(SESSION_PATH, {
    method: 'POST',
    json: { username, password },
    signInOnUnauthenticated: false,
  });
}

/** Ends the session; a session already gone (401) counts as signed out. */
export async function signOut(): Promise<void> {
  try {
    await callNoContent(SESSION_PATH, { method: 'DELETE', signInOnUnauthenticated: false });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
}

/** Keeps this session and ends the user's others. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await callJson<{ changed: boolean }>(`${SESSION_PATH}/password`, {
    method: 'PUT',
    json: { currentPassword, newPassword },
  });
}
