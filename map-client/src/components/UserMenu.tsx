// The header's account corner: the signed-in user's name (to their account page), department and district
// scope with a sign-out button, or a 登录 link that returns to the current page.
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { loginPath } from '../session/loginPath';
import { useSession } from '../session/SessionProvider';
import { scopeLabel } from './scopeLabel';

export function UserMenu() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);

  if (session.status === 'loading') return null;
  const { user } = session;
  if (!user) {
    return (
      <Link to={loginPath(location)} className="ob-header-button" data-testid="sign-in-link">
        {t('session.signIn')}
      </Link>
    );
  }

  const signOut = async () => {
    setSigningOut(true);
    try {
      await session.signOut();
      navigate('/');
    } catch (error) {
      window.alert(
        `${t('session.signOutFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <div className="ob-user" data-testid="user-menu" data-username={user.username}>
      <Link to="/account" className="ob-user-name" title={t('session.openAccount')} data-testid="user-name">
        {user.displayName}
      </Link>
      <span className="ob-user-facts">
        <span data-testid="user-department">{user.department?.name ?? t('session.noDepartment')}</span>
        <span data-testid="user-scope" data-districts={user.districts.join(',')}>
          {scopeLabel(user.districts, i18n)}
        </span>
      </span>
      <button
        type="button"
        className="ob-header-button"
        disabled={signingOut}
        data-testid="sign-out"
        onClick={() => void signOut()}
      >
        {signingOut ? t('session.signingOut') : t('session.signOut')}
      </button>
    </div>
  );
}
