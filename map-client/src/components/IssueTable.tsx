// The issues of a data-quality report: severity (coloured), the feature's ordinal in the file, its key,
// the issue code and the message, filterable by severity. Long lists are cut; the CSV has them all.
import { useState } from 'react';
import type { IssueSeverity, ValidationIssue } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

const SEVERITIES: IssueSeverity[] = ['error', 'warning', 'repaired'];
const MAX_ROWS = 500;

export function IssueTable({ issues }: { issues: ValidationIssue[] }) {
  const { t, locale } = useI18n();
  const [severity, setSeverity] = useState<IssueSeverity | ''>('');
  if (issues.length === 0) return <p className="ob-muted">{t('issues.none')}</p>;
  const shown = severity ? issues.filter((issue) => issue.severity === severity) : issues;
  const rows = shown.slice(0, MAX_ROWS);
  return (
    <div className="ob-issues">
      <div className="ob-toolbar">
        <label className="ob-inline-field">
          <span>{t('issues.filter')}</span>
          <select
            value={severity}
            data-testid="issue-filter"
            onChange={(event) => setSeverity(event.target.value as IssueSeverity | '')}
          >
            <option value="">
              {t('issues.all')} ({issues.length.toLocaleString(locale)})
            </option>
            {SEVERITIES.map((option) => (
              <option key={option} value={option}>
                {t(`severity.${option}`)} (
                {issues.filter((issue) => issue.severity === option).length.toLocaleString(locale)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="ob-table-scroll ob-issues-scroll">
        <table className="ob-table ob-table-compact" data-testid="issue-table">
          <thead>
            <tr>
              <th scope="col">{t('issues.col.severity')}</th>
              <th scope="col" className="ob-number">
                {t('issues.col.feature')}
              </th>
              <th scope="col">{t('issues.col.key')}</th>
              <th scope="col">{t('issues.col.code')}</th>
              <th scope="col">{t('issues.col.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((issue, index) => (
              <tr key={`${issue.feature}-${issue.code}-${index}`} data-severity={issue.severity}>
                <td>
                  <span className={`ob-severity ob-severity-${issue.severity}`}>
                    {t(`severity.${issue.severity}`)}
                  </span>
                </td>
                <td className="ob-number">
                  {issue.feature === 0 ? t('issues.wholeFile') : issue.feature.toLocaleString(locale)}
                </td>
                <td className="ob-code">{issue.key ?? '—'}</td>
                <td className="ob-code">{issue.code}</td>
                <td className="ob-wrap">{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > rows.length && (
        <p className="ob-muted">
          {t('issues.truncated', {
            shown: rows.length.toLocaleString(locale),
            total: shown.length.toLocaleString(locale),
          })}
        </p>
      )}
    </div>
  );
}
