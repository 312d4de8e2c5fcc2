// The check's report and data downloads (PDF, DOCX, GeoJSON, CSV), each read with a progress bar and
// handed to the browser as a file; a failure says why, with a retry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { downloadPath, type CheckDownload } from '../../api/compliance';
import { downloadWithProgress, saveFile } from '../../api/download';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../describeError';
import { formatBytes } from './AreaFigures';

const FORMATS: { format: CheckDownload; extension: string }[] = [
  { format: 'pdf', extension: 'pdf' },
  { format: 'docx', extension: 'docx' },
  { format: 'geojson', extension: 'geojson' },
  { format: 'csv', extension: 'csv' },
];

type DownloadState =
  | { status: 'idle' }
  | { status: 'loading'; received: number; total: number | null }
  | { status: 'done'; size: number }
  | { status: 'error'; message: string };

export function DownloadButtons({ checkId }: { checkId: string }) {
  const { t } = useI18n();
  const [states, setStates] = useState<Partial<Record<CheckDownload, DownloadState>>>({});
  const controllers = useRef(new Map<CheckDownload, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    setStates({});
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, [checkId]);

  const start = useCallback(
    (format: CheckDownload, extension: string) => {
      controllers.current.get(format)?.abort();
      const controller = new AbortController();
      controllers.current.set(format, controller);
      const set = (state: DownloadState) => setStates((all) => ({ ...all, [format]: state }));
      set({ status: 'loading', received: 0, total: null });
      downloadWithProgress(
        downloadPath(checkId, format),
        `compliance-check-${checkId}.${extension}`,
        ({ received, total }) => set({ status: 'loading', received, total }),
        controller.signal,
      ).then(
        (file) => {
          if (controller.signal.aborted) return;
          saveFile(file);
          set({ status: 'done', size: file.blob.size });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) set({ status: 'error', message: describeError(error).message });
        },
      );
    },
    [checkId],
  );

  return (
    <section className="ob-compliance-section" data-testid="check-downloads">
      <h3>{t('compliance.downloads')}</h3>
      <div className="ob-download-buttons">
        {FORMATS.map(({ format, extension }) => (
          <button
            key={format}
            type="button"
            className="ob-button"
            data-testid={`download-${format}`}
            disabled={states[format]?.status === 'loading'}
            onClick={() => start(format, extension)}
          >
            {t(`compliance.download.${format}`)}
          </button>
        ))}
      </div>
      {FORMATS.map(({ format }) => {
        const state = states[format];
        if (!state || state.status === 'idle') return null;
        const name = t(`compliance.download.${format}`);
        return (
          <div
            key={format}
            className="ob-download-state"
            data-testid={`download-state-${format}`}
            data-status={state.status}
            data-bytes={
              state.status === 'done' ? state.size : state.status === 'loading' ? state.received : 0
            }
          >
            {state.status === 'loading' && (
              <>
                <progress max={state.total ?? undefined} value={state.total ? state.received : undefined} />
                <span>
                  {state.total
                    ? t('compliance.downloadProgressOf', {
                        format: name,
                        received: formatBytes(state.received),
                        total: formatBytes(state.total),
                      })
                    : t('compliance.downloadProgress', {
                        format: name,
                        received: formatBytes(state.received),
                      })}
                </span>
              </>
            )}
            {state.status === 'done' && (
              <>
                <progress max={1} value={1} />
                <span>{t('compliance.downloadDone', { format: name, size: formatBytes(state.size) })}</span>
              </>
            )}
            {state.status === 'error' && (
              <span role="alert">
                {t('compliance.downloadFailed', { format: name, message: state.message })}{' '}
                <button type="button" className="ob-button" onClick={() => start(format, format)}>
                  {t('compliance.retry')}
                </button>
              </span>
            )}
          </div>
        );
      })}
    </section>
  );
}
