// The login page (route "/login"): signs in and returns to where the user came from (?next=, kept inside
// the client), or to the map. A signed-in visitor goes there at once.
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ContentPage } from '../components/ContentPage';
import { LoginForm } from '../components/LoginForm';
import { StatusBanner } from '../components/StatusBanner';
import { useI18n } from '../i18n/I18nProvider';
import { safeNext } from '../session/loginPath';
import { useSession, type LoginPageState } from '../session/SessionProvider';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const state = location.state as LoginPageState | null;

  if (session.status === 'signed_in') return <Navigate to={next} replace />;

  return (
    <ContentPage>
      <section className="ob-section ob-login" aria-labelledby="login-heading" data-testid="login-page">
        <h2 id="login-heading" className="ob-page-title">
          {t('login.title')}
        </h2>
        {state?.reason === 'unauthenticated' && (
          <StatusBanner tone="info" testId="login-required">
            {t('login.required')}
          </StatusBanner>
        )}
        <p className="ob-muted">{t('login.intro')}</p>
        <LoginForm />
      </section>
    </ContentPage>
  );
}
