// Who is signed in, shared through React context: loaded from GET /api/v1/session at start, changed by
// signing in and out. It keeps the API client's CSRF token in step with the session, and when a protected
// call answers 401 (the session ended, or an anonymous visitor opened something protected) it forgets the
// user and sends them to the login page, to come back afterwards. When the server refuses the CSRF token
// (the cookie now belongs to another sign-in), it loads the session again so the next try carries the
// right token and the header the right user.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { onCsrfRejected, onUnauthenticated, setCsrfToken } from '../api/credentials';
import { fetchSession, signIn as postSession, signOut as deleteSession } from '../api/session';
import type { SessionInfo, SessionUser } from '../api/types';
import { LOGIN_PATH, loginPath } from './loginPath';

export type SessionStatus = 'loading' | 'anonymous' | 'signed_in';

export interface Session {
  status: SessionStatus;
  user: SessionUser | null;
  permissions: ReadonlySet<string>;
  csrfToken: string | null;
  /** whether the signed-in user holds the permission (never while loading or anonymous) */
  can: (permission: string) => boolean;
  signIn: (username: string, password: string) => Promise<SessionInfo>;
  signOut: () => Promise<void>;
}

/** Why the login page was opened by the client rather than by the user. */
export interface LoginPageState {
  reason: 'unauthenticated';
}

const NO_PERMISSIONS: ReadonlySet<string> = new Set();

const SessionContext = createContext<Session | null>(null);

type Loaded = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed_in'; info: SessionInfo };

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  const adopt = useCallback((info: SessionInfo | null) => {
    setCsrfToken(info?.csrfToken ?? null);
    setLoaded(info ? { status: 'signed_in', info } : { status: 'anonymous' });
  }, []);

  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (info) => {
        if (!controller.signal.aborted) adopt(info);
      },
      () => {
        // The service cannot say who is signed in: public viewing still works, anonymously.
        if (!controller.signal.aborted) adopt(null);
      },
    );
    return () => controller.abort();
  }, [adopt, generation]);

  useEffect(() => onCsrfRejected(() => setGeneration((n) => n + 1)), []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        adopt(null);
        const { pathname, search, hash } = window.location;
        if (pathname === LOGIN_PATH) return;
        const state: LoginPageState = { reason: 'unauthenticated' };
        navigate(loginPath({ pathname, search, hash }), { state });
      }),
    [adopt, navigate],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const info = await postSession(username, password);
      adopt(info);
      return info;
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    await deleteSession();
    adopt(null);
  }, [adopt]);

  const value = useMemo<Session>(() => {
    const info = loaded.status === 'signed_in' ? loaded.info : null;
    const permissions = info ? new Set(info.permissions) : NO_PERMISSIONS;
    return {
      status: loaded.status,
      user: info?.user ?? null,
      permissions,
      csrfToken: info?.csrfToken ?? null,
      can: (permission) => permissions.has(permission),
      signIn,
      signOut,
    };
  }, [loaded, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
