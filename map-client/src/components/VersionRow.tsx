// One version of a layer in the version table: its figures, the 当前 badge, the quality counts and the
// actions (open the report, make it current again).
import type { VersionSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from './formatDateTime';

interface Props {
  version: VersionSummary;
  reportOpen: boolean;
  rollingBack: boolean;
  /** another action is under way: no new one may start */
  locked: boolean;
  onReport: (version: number) => void;
  /** null: the user may not roll back, no rollback button */
  onRollback: ((version: number) => void) | null;
}

export function VersionRow({ version, reportOpen, rollingBack, locked, onReport, onRollback }: Props) {
  const { t, locale } = useI18n();
  const n = version.version;
  const counts = version.report?.counts;
  return (
    <tr
      data-testid={`version-row-${n}`}
      data-version={n}
      data-current={version.current}
      className={version.current ? 'ob-row-current' : undefined}
    >
      <td className="ob-number">{t('layer.versionValue', { version: n })}</td>
      <td className="ob-number">{version.featureCount.toLocaleString(locale)}</td>
      <td className="ob-wrap">{version.sourceName ?? '—'}</td>
      <td className="ob-wrap">{version.note ?? '—'}</td>
      <td>{formatDateTime(version.createdAt, locale)}</td>
      <td>{formatDateTime(version.publishedAt, locale)}</td>
      <td>
        {version.current && (
          <span className="ob-badge" data-testid="version-current-badge">
            {t('versions.current')}
          </span>
        )}
      </td>
      <td className="ob-quality">
        {counts ? (
          <>
            <span className="ob-severity-repaired" title={t('counts.repaired')}>
              {counts.repaired.toLocaleString(locale)}
            </span>
            {' / '}
            <span className="ob-severity-error" title={t('counts.rejected')}>
              {counts.rejected.toLocaleString(locale)}
            </span>
            {' / '}
            <span className="ob-severity-warning" title={t('counts.warnings')}>
              {counts.warnings.toLocaleString(locale)}
            </span>
          </>
        ) : (
          '—'
        )}
      </td>
      <td className="ob-actions">
        <button
          type="button"
          className="ob-button"
          aria-pressed={reportOpen}
          data-testid={`report-${n}`}
          onClick={() => onReport(n)}
        >
          {t('versions.report')}
        </button>
        {!version.current && onRollback && (
          <button
            type="button"
            className="ob-button"
            disabled={locked}
            data-testid={`rollback-${n}`}
            onClick={() => onRollback(n)}
          >
            {rollingBack ? t('versions.rollingBack') : t('versions.rollback')}
          </button>
        )}
      </td>
    </tr>
  );
}
