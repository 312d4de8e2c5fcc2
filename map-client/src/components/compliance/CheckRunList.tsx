// The checks already run (of the project when a code is given, else the latest), newest first; those run
// on this page are marked; opening one shows its result and puts its site on the map.
import type { CheckSummary } from '../../api/compliance';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../describeError';
import { formatDateTime } from '../formatDateTime';
import { StatusBanner } from '../StatusBanner';
import type { Resource } from '../useResource';
import { AreaFigures } from './AreaFigures';
import { VerdictBadge } from './VerdictBadge';

interface Props {
  runs: Resource<CheckSummary[]>;
  thisSession: ReadonlySet<string>;
  openId: string | null;
  onOpen: (id: string) => void;
  onRetry: () => void;
}

export function CheckRunList({ runs, thisSession, openId, onOpen, onRetry }: Props) {
  const { t, locale } = useI18n();
  return (
    <section className="ob-compliance-section" data-testid="check-runs">
      <h3>{t('compliance.runs')}</h3>
      {runs.status === 'loading' && <p className="ob-hint">{t('common.loading')}</p>}
      {runs.status === 'error' && (
        <StatusBanner tone="error" testId="check-runs-error">
          <span>{t('compliance.runsFailed', { message: describeError(runs.error).message })}</span>
          <button type="button" className="ob-button" onClick={onRetry}>
            {t('compliance.retry')}
          </button>
        </StatusBanner>
      )}
      {runs.status === 'ready' && runs.value.length === 0 && (
        <p className="ob-hint">{t('compliance.runsEmpty')}</p>
      )}
      {runs.status === 'ready' && runs.value.length > 0 && (
        <ul className="ob-run-list">
          {runs.value.map((run) => (
            <li
              key={run.id}
              data-testid={`check-run-${run.id}`}
              className={run.id === openId ? 'ob-run-open' : undefined}
            >
              <VerdictBadge verdict={run.verdict} testId={`check-run-${run.id}-verdict`} />
              <span className="ob-run-meta">
                #{run.id} · {formatDateTime(run.createdAt, locale)}
                {run.projectCode ? ` · ${run.projectCode}` : ''}
                {thisSession.has(run.id) && (
                  <em className="ob-run-session"> {t('compliance.runThisSession')}</em>
                )}
                <br />
                <AreaFigures areaM2={run.siteAreaM2} />
              </span>
              <button type="button" className="ob-link-button" onClick={() => onOpen(run.id)}>
                {t('compliance.runOpen')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
