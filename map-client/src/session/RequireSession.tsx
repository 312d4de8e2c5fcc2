// A page only for signed-in users (and, when it names one, only for holders of a permission): an anonymous
// visitor is sent to the login page and comes back after signing in; a user without the permission is told
// so in place.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { StatusBanner } from '../components/StatusBanner';
import { useI18n } from '../i18n/I18nProvider';
import { loginPath } from './loginPath';
import { useSession, type LoginPageState } from './SessionProvider';

interface Props {
  permission?: string;
  children: ReactNode;
}

export function RequireSession({ permission, children }: Props) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return (
      <StatusBanner tone="info" testId="session-loading">
        {t('common.loading')}
      </StatusBanner>
    );
  }
  if (session.status === 'anonymous') {
    const state: LoginPageState = { reason: 'unauthenticated' };
    return <Navigate to={loginPath(location)} replace state={state} />;
  }
  if (permission && !session.can(permission)) {
    return (
      <StatusBanner tone="error" testId="forbidden">
        {t('session.forbidden', { permission })}
      </StatusBanner>
    );
  }
  return <>{children}</>;
}
