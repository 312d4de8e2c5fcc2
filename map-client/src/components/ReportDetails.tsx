// The body of a data-quality report: where the data came from (file, format, CRS and encoding with how
// each was known), the counts, renamed attributes, declared-area checks and the issue list.
import type { ValidationReport } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { AreaChecksTable } from './AreaChecksTable';
import { IssueTable } from './IssueTable';
import { ReportCounts } from './ReportCounts';

export function ReportDetails({ report }: { report: ValidationReport }) {
  const { t, locale } = useI18n();
  const { source } = report;
  const mapping = Object.entries(source.attributeMapping ?? {});
  return (
    <div className="ob-report">
      <dl className="ob-facts">
        <dt>{t('report.file')}</dt>
        <dd className="ob-wrap">{source.fileName}</dd>
        <dt>{t('report.format')}</dt>
        <dd>{source.format}</dd>
        <dt>{t('report.crs')}</dt>
        <dd data-testid="report-crs">
          {source.crs ? (
            <>
              <span className="ob-code">{source.crs.code}</span> · {t(`report.crsHow.${source.crs.how}`)}
              {source.crs.note && <span className="ob-muted"> · {source.crs.note}</span>}
            </>
          ) : (
            <span className="ob-muted">{t('report.unknown')}</span>
          )}
        </dd>
        <dt>{t('report.encoding')}</dt>
        <dd>
          {source.encoding ? (
            <>
              {source.encoding.name} · {t(`report.encodingHow.${source.encoding.how}`)}
            </>
          ) : (
            <span className="ob-muted">—</span>
          )}
        </dd>
      </dl>
      <ReportCounts counts={report.counts} testId="report-counts" />
      {mapping.length > 0 && (
        <>
          <h4>{t('report.attributeMapping')}</h4>
          <ul className="ob-mapping">
            {mapping.map(([from, to]) => (
              <li key={from}>
                <span className="ob-code">{from}</span> → <span className="ob-code">{to}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {source.areaChecks && source.areaChecks.length > 0 && (
        <>
          <h4>{t('areaChecks.heading')}</h4>
          <AreaChecksTable checks={source.areaChecks} />
        </>
      )}
      <h4>{t('issues.heading')}</h4>
      <IssueTable issues={report.issues} />
      {report.truncated && (
        <p className="ob-muted">
          {t('issues.reportTruncated', { omitted: (report.omittedIssues ?? 0).toLocaleString(locale) })}
        </p>
      )}
    </div>
  );
}
