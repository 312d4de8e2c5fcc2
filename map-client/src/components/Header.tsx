// The page header: platform title, navigation between the map, the layer catalog, (for those who may run
// checks) the compliance page and (for administrators) the admin area, service status,
// the language toggle and who is signed in.
import { NavLink } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { canOpenAdmin } from './admin/adminSections';
import { HealthStatus } from './HealthStatus';
import { useInboxCount } from './projects/useInboxCount';
import { UserMenu } from './UserMenu';

export function Header() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const mayComment = session.can('planning.comment');
  const inboxCount = useInboxCount(mayComment ? (session.user?.username ?? null) : null);
  return (
    <header className="ob-header">
      <div className="ob-header-start">
        <h1 className="ob-title">{t('app.title')}</h1>
        <nav className="ob-nav" aria-label={t('nav.label')}>
          <NavLink to="/" end className="ob-nav-link" data-testid="nav-map">
            {t('nav.map')}
          </NavLink>
          <NavLink to="/layers" className="ob-nav-link" data-testid="nav-layers">
            {t('nav.layers')}
          </NavLink>
          {session.can('projects.read') && (
            <NavLink to="/projects" className="ob-nav-link" data-testid="nav-projects">
              {t('projects.nav.projects')}
            </NavLink>
          )}
          {mayComment && (
            <NavLink to="/inbox" className="ob-nav-link" data-testid="nav-inbox">
              {t('projects.nav.inbox')}
              {inboxCount !== null && inboxCount > 0 && (
                <span className="ob-projects-badge" data-testid="inbox-badge" data-count={inboxCount}>
                  {inboxCount}
                </span>
              )}
            </NavLink>
          )}
          {session.can('compliance.run') && (
            <NavLink to="/compliance" className="ob-nav-link" data-testid="nav-compliance">
              {t('nav.compliance')}
            </NavLink>
          )}
          {canOpenAdmin(session.can) && (
            <NavLink to="/admin" className="ob-nav-link" data-testid="nav-admin">
              {t('admin.nav.link')}
            </NavLink>
          )}
        </nav>
      </div>
      <div className="ob-header-tools">
        <HealthStatus />
        <button
          type="button"
          className="ob-language"
          data-testid="language-toggle"
          title={t('header.languageTitle')}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('header.language')}
        </button>
        <UserMenu />
      </div>
    </header>
  );
}
