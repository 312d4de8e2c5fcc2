// The layer page (route "/layers/:code"): details, versions with their data-quality reports and their
// comparison for anyone who may read the layer; editing, the upload panel, rollback and deleting the layer
// only for those who may manage it.
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { deleteLayer, fetchLayer, fetchVersions, rollbackLayer } from '../api/layers';
import type { LayerSummary, VersionSummary } from '../api/types';
import { ApiErrorNotice } from '../components/ApiErrorNotice';
import { AttributeSchemaTable } from '../components/AttributeSchemaTable';
import { ContentPage } from '../components/ContentPage';
import { DiffPicker } from '../components/DiffPicker';
import { LayerFacts } from '../components/LayerFacts';
import { LayerMetadataForm } from '../components/LayerMetadataForm';
import { ReportView } from '../components/ReportView';
import { StatusBanner } from '../components/StatusBanner';
import { UploadPanel } from '../components/UploadPanel';
import { VersionList } from '../components/VersionList';
import { isNotFound } from '../components/describeError';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';
import { canManageLayer } from '../session/canManageLayer';
import { useSession } from '../session/SessionProvider';

export function LayerDetailPage() {
  const { code = '' } = useParams();
  // A new code is a new page: nothing (open report, errors) carries over from the previous layer.
  return (
    <ContentPage>
      <LayerDetail key={code} code={code} />
    </ContentPage>
  );
}

function LayerDetail({ code }: { code: string }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const layer = useResource<LayerSummary>(`layer:${code}`, (signal) => fetchLayer(code, signal));
  const versions = useResource<VersionSummary[]>(`versions:${code}`, (signal) => fetchVersions(code, signal));
  const [openReport, setOpenReport] = useState<number | null>(null);
  const [rollingBack, setRollingBack] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [actionError, setActionError] = useState<{ title: string; error: unknown } | null>(null);

  const { reload: reloadLayer } = layer;
  const { reload: reloadVersions } = versions;
  const refresh = useCallback(() => {
    reloadLayer();
    reloadVersions();
  }, [reloadLayer, reloadVersions]);

  if (layer.resource.status === 'loading' || layer.resource.status === 'idle') {
    return (
      <StatusBanner tone="info" testId="layer-loading">
        {t('common.loading')}
      </StatusBanner>
    );
  }
  if (layer.resource.status === 'error') {
    return (
      <div className="ob-section">
        <Link to="/layers">{t('layer.back')}</Link>
        {isNotFound(layer.resource.error) ? (
          <StatusBanner tone="error" testId="layer-not-found">
            {t('layer.notFound', { code })}
          </StatusBanner>
        ) : (
          <ApiErrorNotice error={layer.resource.error} testId="api-error" />
        )}
      </div>
    );
  }
  const summary = layer.resource.value;
  const manage = canManageLayer(session, summary);

  const rollback = async (version: number) => {
    if (!window.confirm(t('versions.rollbackConfirm', { version }))) return;
    setRollingBack(version);
    setActionError(null);
    try {
      await rollbackLayer(code, version);
      refresh();
    } catch (error) {
      setActionError({ title: t('versions.rollbackFailed'), error });
    } finally {
      setRollingBack(null);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('layer.deleteConfirm', { name: summary.name, code }))) return;
    setDeleting(true);
    setActionError(null);
    try {
      await deleteLayer(code);
      navigate('/layers');
    } catch (error) {
      setActionError({ title: t('layer.deleteFailed'), error });
      setDeleting(false);
    }
  };

  return (
    <div className="ob-layer-detail" data-testid="layer-detail" data-code={code}>
      <Link to="/layers" data-testid="back-to-catalog">
        {t('layer.back')}
      </Link>
      <div className="ob-section-header">
        <h2 className="ob-page-title">
          {summary.name} <span className="ob-code ob-muted">{summary.code}</span>
        </h2>
        {manage && (
          <button
            type="button"
            className="ob-button ob-button-danger"
            disabled={deleting}
            data-testid="delete-layer"
            onClick={() => void remove()}
          >
            {deleting ? t('layer.deleting') : t('layer.delete')}
          </button>
        )}
      </div>
      {actionError && (
        <ApiErrorNotice error={actionError.error} title={actionError.title} testId="action-error" />
      )}

      <div className="ob-columns">
        <section className="ob-section" aria-labelledby="facts-heading">
          <h3 id="facts-heading">{t('layer.facts')}</h3>
          <LayerFacts layer={summary} />
          {manage && (
            <>
              <h4>{t('layer.edit')}</h4>
              <LayerMetadataForm layer={summary} onSaved={reloadLayer} />
            </>
          )}
        </section>
        {manage && (
          <section className="ob-section" aria-labelledby="upload-heading">
            <h3 id="upload-heading">{t('upload.heading')}</h3>
            <UploadPanel layerCode={code} onImported={refresh} onOpenReport={setOpenReport} />
          </section>
        )}
      </div>

      <section className="ob-section" aria-labelledby="versions-heading">
        <h3 id="versions-heading">{t('versions.heading')}</h3>
        {versions.resource.status === 'ready' ? (
          <VersionList
            versions={versions.resource.value}
            openReport={openReport}
            rollingBack={rollingBack}
            onReport={(version) => setOpenReport((open) => (open === version ? null : version))}
            onRollback={manage ? (version) => void rollback(version) : null}
          />
        ) : versions.resource.status === 'error' ? (
          <ApiErrorNotice error={versions.resource.error} testId="versions-error" />
        ) : (
          <p className="ob-muted">{t('common.loading')}</p>
        )}
      </section>

      {openReport !== null && (
        <ReportView layerCode={code} version={openReport} onClose={() => setOpenReport(null)} />
      )}

      <section className="ob-section" aria-labelledby="diff-heading">
        <h3 id="diff-heading">{t('diff.heading')}</h3>
        {versions.resource.status === 'ready' && (
          <DiffPicker layerCode={code} versions={versions.resource.value} />
        )}
      </section>

      <section className="ob-section" aria-labelledby="attributes-heading">
        <h3 id="attributes-heading">{t('attributes.heading')}</h3>
        <AttributeSchemaTable schema={summary.attributeSchema} />
      </section>
    </div>
  );
}
