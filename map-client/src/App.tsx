// The client's routes. "/" is the one-blueprint map page, "/layers" the layer catalog and
// "/layers/:code" one layer's data management; more pages (projects, compliance) join here.
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import { LayerCatalogPage } from './pages/LayerCatalogPage';
import { LayerDetailPage } from './pages/LayerDetailPage';
import { MapPage } from './pages/MapPage';
import { NotFoundPage } from './pages/NotFoundPage';

export function App() {
  return (
    <ErrorBoundary>
      <I18nProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/" element={<MapPage />} />
            <Route path="/layers" element={<LayerCatalogPage />} />
            <Route path="/layers/:code" element={<LayerDetailPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </BrowserRouter>
      </I18nProvider>
    </ErrorBoundary>
  );
}
