// The data-quality report of one version, loaded from the server, with links to download it as JSON
// and as CSV (UTF-8 with BOM, opens in Excel).
import { useEffect, useRef } from 'react';
import { fetchReport, reportUrl } from '../api/layers';
import type { ValidationReport } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ApiErrorNotice } from './ApiErrorNotice';
import { isNotFound } from './describeError';
import { ReportDetails } from './ReportDetails';
import { useResource } from './useResource';

interface Props {
  layerCode: string;
  version: number;
  onClose: () => void;
}

export function ReportView({ layerCode, version, onClose }: Props) {
  const { t } = useI18n();
  const sectionRef = useRef<HTMLElement>(null);
  // Opened from a button further up the page: bring it into view.
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [version]);
  const { resource } = useResource<ValidationReport | null>(`report:${layerCode}:${version}`, (signal) =>
    fetchReport(layerCode, version, signal),
  );
  const missing =
    (resource.status === 'error' && isNotFound(resource.error)) ||
    (resource.status === 'ready' && resource.value === null);
  const report = resource.status === 'ready' ? resource.value : null;
  return (
    <section
      ref={sectionRef}
      className="ob-section ob-report-view"
      data-testid="report-view"
      data-version={version}
      data-status={missing ? 'missing' : resource.status}
      aria-labelledby="report-heading"
    >
      <div className="ob-section-header">
        <h3 id="report-heading">{t('report.heading', { version })}</h3>
        <div className="ob-actions">
          {report && (
            <>
              <a
                className="ob-button"
                href={reportUrl(layerCode, version, 'json')}
                download={`${layerCode}-v${version}-report.json`}
                data-testid="report-download-json"
              >
                {t('report.downloadJson')}
              </a>
              <a
                className="ob-button"
                href={reportUrl(layerCode, version, 'csv')}
                download={`${layerCode}-v${version}-report.csv`}
                data-testid="report-download-csv"
              >
                {t('report.downloadCsv')}
              </a>
            </>
          )}
          <button type="button" className="ob-button" data-testid="report-close" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      {resource.status === 'loading' && <p className="ob-muted">{t('common.loading')}</p>}
      {missing && <p className="ob-muted">{t('report.missing')}</p>}
      {resource.status === 'error' && !missing && (
        <ApiErrorNotice error={resource.error} testId="report-error" />
      )}
      {report && <ReportDetails report={report} />}
    </section>
  );
}
