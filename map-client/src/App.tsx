// The client's routes. Each page is its own chunk, loaded when its route is first opened, so a page
// (the standard page above all) carries only what it uses. One route per line, grouped by area.
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import { lazyPage } from './lazyPage';
import { RequireSession } from './session/RequireSession';
import { SessionProvider } from './session/SessionProvider';

// the workbench
const MapPage = lazyPage(
  () => import('./pages/MapPage'),
  (m) => m.MapPage,
);
// the layer catalog
const LayerCatalogPage = lazyPage(
  () => import('./pages/LayerCatalogPage'),
  (m) => m.LayerCatalogPage,
);
const LayerDetailPage = lazyPage(
  () => import('./pages/LayerDetailPage'),
  (m) => m.LayerDetailPage,
);
const NewLayerPage = lazyPage(
  () => import('./pages/NewLayerPage'),
  (m) => m.NewLayerPage,
);
// the session
const LoginPage = lazyPage(
  () => import('./pages/LoginPage'),
  (m) => m.LoginPage,
);
const AccountPage = lazyPage(
  () => import('./pages/AccountPage'),
  (m) => m.AccountPage,
);
// compliance
const CompliancePage = lazyPage(
  () => import('./pages/CompliancePage'),
  (m) => m.CompliancePage,
);
// administration (its sub-pages are chunks of their own)
const AdminPage = lazyPage(
  () => import('./pages/AdminPage'),
  (m) => m.AdminPage,
);
// projects and the department inbox
const ProjectListPage = lazyPage(
  () => import('./pages/ProjectListPage'),
  (m) => m.ProjectListPage,
);
const ProjectPage = lazyPage(
  () => import('./pages/ProjectPage'),
  (m) => m.ProjectPage,
);
const InboxPage = lazyPage(
  () => import('./pages/InboxPage'),
  (m) => m.InboxPage,
);
const TaskPage = lazyPage(
  () => import('./pages/TaskPage'),
  (m) => m.TaskPage,
);
// the one-blueprint standard page, opened by other systems
const BlueprintPage = lazyPage(
  () => import('./pages/BlueprintPage'),
  (m) => m.BlueprintPage,
);
// (pages of further areas join here, one line each)
const NotFoundPage = lazyPage(
  () => import('./pages/NotFoundPage'),
  (m) => m.NotFoundPage,
);

export function App() {
  return (
    <ErrorBoundary>
      <I18nProvider>
        {/* The view's state lives in the address (checkboxes, sliders, swipe): a change must show at
            once, not in a transition that a busy map can hold back while the input snaps back. */}
        <BrowserRouter useTransitions={false}>
          <SessionProvider>
            <Routes>
              <Route path="/" element={<MapPage />} />
              <Route path="/layers" element={<LayerCatalogPage />} />
              <Route path="/layers/:code" element={<LayerDetailPage />} />
              <Route path="/new-layer" element={<NewLayerPage />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/account" element={<AccountPage />} />
              <Route
                path="/compliance"
                element={
                  <RequireSession permission="compliance.run">
                    <CompliancePage />
                  </RequireSession>
                }
              />
              <Route path="/admin/*" element={<AdminPage />} />
              <Route
                path="/projects"
                element={
                  <RequireSession permission="projects.read">
                    <ProjectListPage />
                  </RequireSession>
                }
              />
              <Route
                path="/projects/:code"
                element={
                  <RequireSession permission="projects.read">
                    <ProjectPage />
                  </RequireSession>
                }
              />
              <Route
                path="/inbox"
                element={
                  <RequireSession permission="planning.comment">
                    <InboxPage />
                  </RequireSession>
                }
              />
              <Route
                path="/inbox/:taskId"
                element={
                  <RequireSession permission="projects.read">
                    <TaskPage />
                  </RequireSession>
                }
              />
              <Route path="/blueprint" element={<BlueprintPage />} />
              {/* (routes of further areas join here, one line each) */}
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </I18nProvider>
    </ErrorBoundary>
  );
}
