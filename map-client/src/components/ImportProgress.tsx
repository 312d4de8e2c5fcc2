// Where an import stands: the upload's bytes, then the server job's phase (读取文件, 识别坐标系, 坐标转换,
// 数据检查, 入库) and progress; at the end the new version's report summary, or the error clearly.
import { isFinished } from '../api/imports';
import type { ImportJob } from '../api/types';
import { asValidationReport } from '../api/validationReport';
import { useI18n } from '../i18n/I18nProvider';
import { ApiErrorNotice } from './ApiErrorNotice';
import { apiErrorOf } from './describeError';
import { ReportCounts } from './ReportCounts';
import { ReportDetails } from './ReportDetails';
import { StatusBanner } from './StatusBanner';
import type { ImportState } from './useImport';

interface Props {
  state: ImportState;
  onOpenReport: (version: number) => void;
}

function percent(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.round((done / total) * 100));
}

function JobProgress({ job }: { job: ImportJob }) {
  const { t, locale } = useI18n();
  const { done, total } = job.progress;
  const finished = isFinished(job);
  const share = finished && job.status === 'succeeded' ? 100 : percent(done, total);
  return (
    <div className="ob-progress-block">
      <div className="ob-progress-line">
        <span data-testid="import-phase">{t('import.phase', { phase: job.phase })}</span>
        <span className="ob-muted">
          {total === null
            ? t('import.doneOpen', { done: done.toLocaleString(locale) })
            : t('import.done', { done: done.toLocaleString(locale), total: total.toLocaleString(locale) })}
        </span>
      </div>
      {share === null ? (
        !finished && <progress className="ob-progress" aria-label={job.phase} />
      ) : (
        <progress className="ob-progress" max={100} value={share} aria-label={job.phase} />
      )}
    </div>
  );
}

export function ImportProgress({ state, onOpenReport }: Props) {
  const { t } = useI18n();
  if (state.phase === 'idle') return null;

  if (state.phase === 'rejected') {
    return (
      <ApiErrorNotice
        error={state.error}
        title={t('import.rejected', { fileName: state.fileName })}
        testId="import-error"
      />
    );
  }

  if (state.phase === 'uploading') {
    const share = percent(state.loadedBytes, state.totalBytes);
    return (
      <div className="ob-import" data-testid="import-status" data-status="uploading" role="status">
        <div className="ob-progress-line">
          <strong>{t('import.status.uploading')}</strong>
          <span className="ob-muted">{t('import.file', { fileName: state.fileName })}</span>
        </div>
        {share === null ? (
          <progress className="ob-progress" />
        ) : (
          <progress className="ob-progress" max={100} value={share} />
        )}
        {share !== null && <span className="ob-muted">{t('import.uploaded', { percent: share })}</span>}
      </div>
    );
  }

  const { job } = state;
  const failed = job.status === 'failed';
  const report = asValidationReport(job.report);
  return (
    <div
      className={`ob-import ob-import-${job.status}`}
      data-testid="import-status"
      data-status={job.status}
      data-job={job.id}
      data-version={job.version ?? undefined}
      role="status"
    >
      <div className="ob-progress-line">
        <strong>{t(`import.status.${job.status}`)}</strong>
        <span className="ob-muted">{t('import.file', { fileName: job.fileName })}</span>
      </div>
      <JobProgress job={job} />
      {state.phase === 'job' && state.retrying && (
        <StatusBanner tone="warning">{t('import.retrying', { message: state.retrying })}</StatusBanner>
      )}
      {state.phase === 'lost' && (
        <ApiErrorNotice error={state.error} title={t('import.lost')} testId="import-error" />
      )}
      {job.status === 'succeeded' && (
        <div className="ob-import-result" data-testid="import-result">
          {job.version !== null && <p>{t('import.succeeded', { version: job.version })}</p>}
          {report && <ReportCounts counts={report.counts} testId="import-counts" />}
          {job.version !== null && (
            <button
              type="button"
              className="ob-button"
              data-testid="import-open-report"
              onClick={() => onOpenReport(job.version ?? 0)}
            >
              {t('import.openReport')}
            </button>
          )}
        </div>
      )}
      {failed && (
        <ApiErrorNotice
          error={apiErrorOf(
            job.error ?? { code: 'import_failed', message: t('import.failed') },
            `/api/v1/imports/${job.id}`,
          )}
          testId="import-error"
        />
      )}
      {failed && report && <ReportDetails report={report} />}
    </div>
  );
}
