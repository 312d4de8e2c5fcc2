// The account page (route "/account", signed-in users only): who the user is, their department, roles,
// district scope and permissions, and the form that changes their password.
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ContentPage } from '../components/ContentPage';
import { scopeLabel } from '../components/scopeLabel';
import { useI18n } from '../i18n/I18nProvider';
import { RequireSession } from '../session/RequireSession';
import { useSession } from '../session/SessionProvider';

export function AccountPage() {
  return (
    <ContentPage>
      <RequireSession>
        <AccountDetails />
      </RequireSession>
    </ContentPage>
  );
}

function AccountDetails() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, permissions } = useSession();
  if (!user) return null;
  return (
    <div data-testid="account-page">
      <h2 className="ob-page-title">{t('account.title')}</h2>
      <section className="ob-section">
        <dl className="ob-facts" data-testid="account-facts">
          <dt>{t('account.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('account.username')}</dt>
          <dd className="ob-code">{user.username}</dd>
          <dt>{t('account.department')}</dt>
          <dd>{user.department?.name ?? t('session.noDepartment')}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>{user.roles.join('、') || t('common.none')}</dd>
          <dt>{t('account.scope')}</dt>
          <dd>{scopeLabel(user.districts, i18n)}</dd>
          <dt>{t('account.permissions')}</dt>
          <dd className="ob-code">{[...permissions].join(', ') || t('common.none')}</dd>
        </dl>
      </section>
      <section className="ob-section" aria-labelledby="password-heading">
        <h3 id="password-heading">{t('password.heading')}</h3>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
