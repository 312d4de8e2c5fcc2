// Cross-plan conflicts (多规冲突): the planning_conflicts layer switched on and off on this map, its
// figures (count and ellipsoidal area in m², 公顷 and 亩 in total, by plan pair and by district) from
// GET /api/v1/compliance/conflicts/summary, and for holders of rules.manage a recomputation with its phase
// and progress, the figures reloaded when it has finished.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchConflictJob,
  fetchConflictSummary,
  startConflictRecompute,
  type ConflictJob,
} from '../../api/complianceConflicts';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../describeError';
import { formatDateTime } from '../formatDateTime';
import { StatusBanner } from '../StatusBanner';
import { useResource } from '../useResource';
import { AreaFigures } from './AreaFigures';

const POLL_MS = 1000;

type Recompute =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'watching'; job: ConflictJob }
  | { status: 'error'; error: unknown };

interface Props {
  /** the layer is in the catalog the caller reads */
  layerAvailable: boolean;
  visible: boolean;
  onVisible: (visible: boolean) => void;
  canRecompute: boolean;
}

export function ConflictPanel({ layerAvailable, visible, onVisible, canRecompute }: Props) {
  const { t, locale } = useI18n();
  const { resource: summary, reload } = useResource('conflict-summary', fetchConflictSummary);
  const [recompute, setRecompute] = useState<Recompute>({ status: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const watch = useCallback(
    (id: string) => {
      fetchConflictJob(id).then(
        (job) => {
          setRecompute({ status: 'watching', job });
          if (job.status === 'succeeded') reload();
          else if (job.status !== 'failed') timer.current = setTimeout(() => watch(id), POLL_MS);
        },
        (error: unknown) => setRecompute({ status: 'error', error }),
      );
    },
    [reload],
  );

  const start = useCallback(() => {
    clearTimeout(timer.current);
    setRecompute({ status: 'starting' });
    startConflictRecompute().then(
      (job) => {
        setRecompute({ status: 'watching', job });
        watch(job.id);
      },
      (error: unknown) => setRecompute({ status: 'error', error }),
    );
  }, [watch]);

  const job = recompute.status === 'watching' ? recompute.job : null;
  const busy =
    recompute.status === 'starting' ||
    (job !== null && (job.status === 'queued' || job.status === 'running'));

  return (
    <section className="ob-compliance-section" data-testid="conflict-panel">
      <h3>{t('compliance.conflicts.title')}</h3>
      <label className="ob-compliance-check-line">
        <input
          type="checkbox"
          checked={visible}
          disabled={!layerAvailable}
          data-testid="conflicts-layer-toggle"
          onChange={(e) => onVisible(e.target.checked)}
        />
        <span>{t('compliance.conflicts.showLayer')}</span>
      </label>
      {!layerAvailable && <p className="ob-hint">{t('compliance.conflicts.noLayer')}</p>}
      {canRecompute && (
        <div className="ob-compliance-recompute">
          <button
            type="button"
            className="ob-button"
            data-testid="conflicts-recompute"
            disabled={busy}
            onClick={start}
          >
            {busy ? t('compliance.conflicts.recomputing') : t('compliance.conflicts.recompute')}
          </button>
          {job && (
            <div
              className="ob-download-state"
              data-testid="conflicts-job"
              data-status={job.status}
              data-version={job.version ?? ''}
            >
              <progress
                max={job.progress.total ?? undefined}
                value={
                  job.status === 'succeeded'
                    ? (job.progress.total ?? 1)
                    : job.progress.total
                      ? job.progress.done
                      : undefined
                }
              />
              <span>
                {job.status === 'succeeded'
                  ? t('compliance.conflicts.jobDone', { version: job.version ?? '' })
                  : job.status === 'failed'
                    ? t('compliance.conflicts.jobFailed', { message: job.error?.message ?? '' })
                    : t('compliance.conflicts.jobRunning', {
                        phase: job.phase,
                        done: job.progress.done,
                        total: job.progress.total ?? '?',
                      })}
              </span>
            </div>
          )}
          {recompute.status === 'error' && (
            <StatusBanner tone="error" testId="conflicts-recompute-error">
              <span>
                {t('compliance.conflicts.recomputeFailed', {
                  message: describeError(recompute.error).message,
                })}
              </span>
              <button type="button" className="ob-button" onClick={start}>
                {t('compliance.retry')}
              </button>
            </StatusBanner>
          )}
        </div>
      )}
      {summary.status === 'loading' && <p className="ob-hint">{t('common.loading')}</p>}
      {summary.status === 'error' && (
        <StatusBanner tone="error" testId="conflicts-error">
          <span>{t('compliance.conflicts.failed', { message: describeError(summary.error).message })}</span>
          <button type="button" className="ob-button" onClick={reload} data-testid="conflicts-retry">
            {t('compliance.retry')}
          </button>
        </StatusBanner>
      )}
      {summary.status === 'ready' && (
        <div
          data-testid="conflicts-summary"
          data-version={summary.value.version}
          data-count={summary.value.total.count}
        >
          <p className="ob-hint">
            {t('compliance.conflicts.version', {
              version: summary.value.version,
              time: summary.value.publishedAt ? formatDateTime(summary.value.publishedAt, locale) : '—',
            })}
          </p>
          <p data-testid="conflicts-total">
            {t('compliance.conflicts.total', { count: summary.value.total.count })}
            <br />
            <AreaFigures areaM2={summary.value.total.areaM2} />
          </p>
          <h4 className="ob-compliance-subhead">{t('compliance.conflicts.byPair')}</h4>
          <ul className="ob-compliance-figures" data-testid="conflicts-by-pair">
            {summary.value.byPair.map((pair) => (
              <li key={pair.pairId} data-testid={`conflicts-pair-${pair.pairId}`} data-count={pair.count}>
                <div className="ob-compliance-figures-head">
                  <span>{pair.title}</span>
                  <strong>{t('compliance.conflicts.count', { count: pair.count })}</strong>
                </div>
                <AreaFigures areaM2={pair.areaM2} testId={`conflicts-pair-${pair.pairId}-area`} />
              </li>
            ))}
          </ul>
          <h4 className="ob-compliance-subhead">{t('compliance.conflicts.byDistrict')}</h4>
          <ul className="ob-compliance-figures" data-testid="conflicts-by-district">
            {summary.value.byDistrict.map((d) => (
              <li key={d.districtCode ?? 'none'}>
                <div className="ob-compliance-figures-head">
                  <span>{d.districtName ?? d.districtCode ?? t('compliance.candidates.noDistrict')}</span>
                  <strong>{t('compliance.conflicts.count', { count: d.count })}</strong>
                </div>
                <AreaFigures areaM2={d.areaM2} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
