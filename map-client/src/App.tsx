// The client's routes. "/" is the one-blueprint map page, "/layers" the layer catalog, "/layers/:code"
// one layer's data management, "/new-layer" the form for a new layer, "/login" and "/account" the
// session's pages, "/compliance" the site-selection compliance check; more pages (projects) join here.
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import { AccountPage } from './pages/AccountPage';
import { CompliancePage } from './pages/CompliancePage';
import { LayerCatalogPage } from './pages/LayerCatalogPage';
import { LayerDetailPage } from './pages/LayerDetailPage';
import { LoginPage } from './pages/LoginPage';
import { MapPage } from './pages/MapPage';
import { NewLayerPage } from './pages/NewLayerPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RequireSession } from './session/RequireSession';
import { SessionProvider } from './session/SessionProvider';

export function App() {
  return (
    <ErrorBoundary>
      <I18nProvider>
        <BrowserRouter>
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
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </I18nProvider>
    </ErrorBoundary>
  );
}
