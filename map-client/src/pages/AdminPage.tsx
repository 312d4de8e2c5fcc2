// The admin area (route "/admin/*"): a side list of the sub-pages the user may open, each sub-page its own
// chunk loaded when first opened. Only holders of an administrative permission get in; others are told so.
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { ADMIN_SECTIONS, canOpenAdmin } from '../components/admin/adminSections';
import { ContentPage } from '../components/ContentPage';
import { StatusBanner } from '../components/StatusBanner';
import { useI18n } from '../i18n/I18nProvider';
import { lazyPage } from '../lazyPage';
import { RequireSession } from '../session/RequireSession';
import { useSession } from '../session/SessionProvider';

const UsersPage = lazyPage(
  () => import('./admin/UsersPage'),
  (m) => m.UsersPage,
);
const ApiKeysPage = lazyPage(
  () => import('./admin/ApiKeysPage'),
  (m) => m.ApiKeysPage,
);
const RuleSetsPage = lazyPage(
  () => import('./admin/RuleSetsPage'),
  (m) => m.RuleSetsPage,
);
const AuditPage = lazyPage(
  () => import('./admin/AuditPage'),
  (m) => m.AuditPage,
);
const StatisticsPage = lazyPage(
  () => import('./admin/StatisticsPage'),
  (m) => m.StatisticsPage,
);
const ServiceLevelsPage = lazyPage(
  () => import('./admin/ServiceLevelsPage'),
  (m) => m.ServiceLevelsPage,
);

const PAGES = {
  users: UsersPage,
  'api-keys': ApiKeysPage,
  'rule-sets': RuleSetsPage,
  audit: AuditPage,
  statistics: StatisticsPage,
  'service-levels': ServiceLevelsPage,
} as const;

export function AdminPage() {
  return (
    <ContentPage>
      <RequireSession>
        <AdminArea />
      </RequireSession>
    </ContentPage>
  );
}

function Forbidden({ permission }: { permission: string }) {
  const { t } = useI18n();
  return (
    <StatusBanner tone="error" testId="forbidden">
      {t('session.forbidden', { permission })}
    </StatusBanner>
  );
}

function AdminArea() {
  const { t } = useI18n();
  const session = useSession();
  if (!canOpenAdmin(session.can)) return <Forbidden permission="accounts.manage" />;
  const open = ADMIN_SECTIONS.filter((section) => session.can(section.permission));
  return (
    <div className="ob-admin" data-testid="admin-page">
      <nav className="ob-admin-nav" aria-label={t('admin.nav.label')}>
        <h2 className="ob-admin-nav-title">{t('admin.title')}</h2>
        {open.map((section) => (
          <NavLink
            key={section.path}
            to={`/admin/${section.path}`}
            className="ob-admin-nav-link"
            data-testid={`admin-nav-${section.path}`}
          >
            {t(section.label)}
          </NavLink>
        ))}
      </nav>
      <div className="ob-admin-main">
        <Routes>
          <Route index element={<Navigate to={`/admin/${open[0]?.path ?? 'users'}`} replace />} />
          {ADMIN_SECTIONS.map((section) => {
            const Page = PAGES[section.path as keyof typeof PAGES];
            return (
              <Route
                key={section.path}
                path={section.path}
                element={
                  session.can(section.permission) ? <Page /> : <Forbidden permission={section.permission} />
                }
              />
            );
          })}
          <Route path="*" element={<StatusBanner tone="warning">{t('app.notFound')}</StatusBanner>} />
        </Routes>
      </div>
    </div>
  );
}
