// The layer catalog page (route "/layers"): the layers the user may read grouped by kind, filterable by
// kind (kept in the address as ?kind=, like the API), and for layer managers the way to a new layer.
import { Link, useSearchParams } from 'react-router';
import { fetchLayers } from '../api/layers';
import type { LayerSummary } from '../api/types';
import { ApiErrorNotice } from '../components/ApiErrorNotice';
import { CatalogTable, groupByKind } from '../components/CatalogTable';
import { ContentPage } from '../components/ContentPage';
import { StatusBanner } from '../components/StatusBanner';
import { kindLabel } from '../components/catalogLabels';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';
import { MANAGE_LAYERS, sessionKey } from '../session/canManageLayer';
import { useSession } from '../session/SessionProvider';

export function LayerCatalogPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  // Who asks decides which layers are listed: a new session is a new list.
  const key = sessionKey(session);
  const { resource, reload } = useResource<LayerSummary[]>(key && `layers:${key}`, (signal) =>
    fetchLayers(signal),
  );

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
      <div className="ob-section-header">
        <h2 className="ob-page-title">{t('layers.title')}</h2>
        {session.can(MANAGE_LAYERS) && (
          <Link to="/new-layer" className="ob-button ob-button-primary" data-testid="new-layer">
            {t('layers.new')}
          </Link>
        )}
      </div>
      <section className="ob-section" aria-labelledby="catalog-heading">
        <h3 id="catalog-heading">{t('layers.catalogHeading')}</h3>
        {body}
      </section>
    </ContentPage>
  );
}
