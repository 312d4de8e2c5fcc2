// The layer catalog page (route "/layers"): every layer grouped by kind, filterable by kind (kept in the
// address as ?kind=, like the API), and the form that creates a new, empty layer.
import { useSearchParams, useNavigate } from 'react-router';
import { fetchLayers } from '../api/layers';
import type { LayerSummary } from '../api/types';
import { ApiErrorNotice } from '../components/ApiErrorNotice';
import { CatalogTable, groupByKind } from '../components/CatalogTable';
import { ContentPage } from '../components/ContentPage';
import { CreateLayerForm } from '../components/CreateLayerForm';
import { StatusBanner } from '../components/StatusBanner';
import { kindLabel } from '../components/catalogLabels';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';

export function LayerCatalogPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const { resource, reload } = useResource<LayerSummary[]>('layers', (signal) => fetchLayers(signal));

  const setKind = (next: string) => {
    setParams(next ? { kind: next } : {}, { replace: true });
  };

  let body;
  if (resource.status === 'ready') {
    const all = resource.value;
    const shown = kind ? all.filter((layer) => layer.kind === kind) : all;
    body = (
      <>
        <div className="ob-toolbar">
          <label className="ob-inline-field">
            <span>{t('layers.filterKind')}</span>
            <select
              value={kind}
              data-testid="catalog-kind-filter"
              onChange={(event) => setKind(event.target.value)}
            >
              <option value="">{t('layers.allKinds')}</option>
              {groupByKind(all).map((group) => (
                <option key={group.kind} value={group.kind}>
                  {kindLabel(group.kind, group.kindName, i18n)}
                </option>
              ))}
            </select>
          </label>
          <span className="ob-muted">{t('layers.count', { count: shown.length })}</span>
        </div>
        {shown.length === 0 ? (
          <p className="ob-muted">{t('layers.empty')}</p>
        ) : (
          <CatalogTable layers={shown} />
        )}
      </>
    );
  } else if (resource.status === 'error') {
    body = (
      <>
        <ApiErrorNotice error={resource.error} testId="api-error" />
        <button type="button" className="ob-button" onClick={reload}>
          {t('catalog.retry')}
        </button>
      </>
    );
  } else {
    body = (
      <StatusBanner tone="info" testId="catalog-loading">
        {t('catalog.loading')}
      </StatusBanner>
    );
  }

  return (
    <ContentPage>
      <h2 className="ob-page-title">{t('layers.title')}</h2>
      <section className="ob-section" aria-labelledby="catalog-heading">
        <h3 id="catalog-heading">{t('layers.catalogHeading')}</h3>
        {body}
      </section>
      <section className="ob-section" aria-labelledby="create-heading">
        <h3 id="create-heading">{t('create.heading')}</h3>
        <CreateLayerForm onCreated={(layer) => navigate(`/layers/${encodeURIComponent(layer.code)}`)} />
      </section>
    </ContentPage>
  );
}
