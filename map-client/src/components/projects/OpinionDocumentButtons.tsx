// The 策划意见书 of a concluded task as PDF or DOCX, read with its progress and handed to the browser; a
// failure says why, with a retry.
import { useState } from 'react';
import { downloadWithProgress, saveFile } from '../../api/download';
import { opinionDocumentPath } from '../../api/planning';
import { useI18n } from '../../i18n/I18nProvider';
import { formatBytes } from '../compliance/AreaFigures';
import { describeError } from '../describeError';

type State =
  | { status: 'idle' }
  | { status: 'loading'; format: string; received: number }
  | { status: 'done'; format: string; size: number }
  | { status: 'error'; format: 'pdf' | 'docx'; message: string };

export function OpinionDocumentButtons({ taskId }: { taskId: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'idle' });
  const start = (format: 'pdf' | 'docx') => {
    setState({ status: 'loading', format, received: 0 });
    downloadWithProgress(
      opinionDocumentPath(taskId, format),
      `项目策划意见书-${taskId}.${format}`,
      ({ received }) => setState({ status: 'loading', format, received }),
    ).then(
      (file) => {
        saveFile(file);
        setState({ status: 'done', format, size: file.blob.size });
      },
      (error: unknown) => setState({ status: 'error', format, message: describeError(error).message }),
    );
  };
  return (
    <div
      className="ob-projects-documents"
      data-testid={`opinion-document-${taskId}`}
      data-status={state.status}
    >
      {(['pdf', 'docx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="ob-button"
          data-testid={`opinion-document-${format}`}
          disabled={state.status === 'loading'}
          onClick={() => start(format)}
        >
          {t(format === 'pdf' ? 'projects.document.pdf' : 'projects.document.docx')}
        </button>
      ))}
      {state.status === 'loading' && (
        <span className="ob-hint">
          {t('projects.document.loading', { received: formatBytes(state.received) })}
        </span>
      )}
      {state.status === 'done' && (
        <span className="ob-hint">{t('projects.document.done', { size: formatBytes(state.size) })}</span>
      )}
      {state.status === 'error' && (
        <span role="alert" className="ob-projects-error-line">
          {t('projects.document.failed', { message: state.message })}{' '}
          <button type="button" className="ob-button" onClick={() => start(state.format)}>
            {t('projects.retry')}
          </button>
        </span>
      )}
    </div>
  );
}
