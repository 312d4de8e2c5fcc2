// Print and export of the current view: a title and the paper, then a PNG composed here (map, title,
// legend of the visible layers, scale bar and 1:N, north arrow) or a PDF made by the server from the same
// map image (POST /api/v1/prints), downloaded with its progress; a failure says why, with a retry.
import { useCallback, useEffect, useRef, useState } from 'react';
import type OlMap from 'ol/Map.js';
import { toLonLat } from 'ol/proj.js';
import { saveFile } from '../../api/download';
import { downloadPrintPdf, type PaperSize } from '../../api/prints';
import type { LayerSummary } from '../../api/types';
import { formatBytes } from '../../components/compliance/AreaFigures';
import { formatDateTime } from '../../components/formatDateTime';
import { useI18n } from '../../i18n/I18nProvider';
import { VIEW_PROJECTION } from '../../map/registerProjections';
import { useSession } from '../../session/SessionProvider';
import type { LayerState } from '../../state/layerState';
import { groundMetresPerPixel } from '../coordinates/mapScale';
import { scaleDenominator } from '../coordinates/scaleDenominator';
import { toolErrorMessage } from '../toolErrorMessage';
import { composeMapImage } from './composeMapImage';
import { drawPrintLayout } from './drawPrintLayout';
import { printLegend } from './printLegend';

type Job =
  | { status: 'idle' }
  | { status: 'working'; format: 'png' | 'pdf'; received: number; total: number | null }
  | { status: 'done'; format: 'png' | 'pdf'; size: number }
  | { status: 'error'; format: 'png' | 'pdf'; message: string };

interface Props {
  map: OlMap | null;
  layers: LayerSummary[];
  layerState: LayerState;
  onClose: () => void;
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

export function PrintPanel({ map, layers, layerState, onClose }: Props) {
  const { t, locale } = useI18n();
  // the server makes PDFs for signed-in users; anyone may compose the PNG here
  const canPdf = useSession().status === 'signed_in';
  const [title, setTitle] = useState(() => t('tools.printDefaultTitle'));
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [job, setJob] = useState<Job>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (format: 'png' | 'pdf') => {
      if (!map) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setJob({ status: 'working', format, received: 0, total: null });
      void (async () => {
        try {
          const metresPerCssPixel = groundMetresPerPixel(map);
          const centre = map.getView().getCenter();
          if (metresPerCssPixel === null || !centre) throw new Error(t('tools.printNoView'));
          const image = await composeMapImage(map);
          const metresPerPixel = metresPerCssPixel / image.pixelRatio;
          const [lon, lat] = toLonLat(centre, VIEW_PROJECTION) as [number, number];
          const legend = printLegend(layers, layerState);
          const notes = [
            t('tools.printCrs'),
            t('tools.printCentre', { lon: lon.toFixed(6), lat: lat.toFixed(6) }),
            t('tools.printTime', { time: formatDateTime(new Date().toISOString(), locale) }),
          ];
          const name = title.trim() || t('tools.printDefaultTitle');
          if (format === 'png') {
            const page = drawPrintLayout({
              title: name,
              map: image.canvas,
              metresPerPixel,
              denominator: scaleDenominator(metresPerCssPixel),
              legend,
              notes,
              labels: {
                legend: t('tools.legend'),
                north: t('tools.north'),
                scale: t('tools.scale', { n: scaleDenominator(metresPerCssPixel).toLocaleString(locale) }),
              },
            });
            const blob = await toBlob(page);
            if (abort.signal.aborted) return;
            saveFile({ blob, fileName: 'map-print.png' });
            setJob({ status: 'done', format, size: blob.size });
            return;
          }
          const file = await downloadPrintPdf(
            await toBlob(image.canvas),
            { title: name, paper, metresPerPixel, legend, notes },
            ({ received, total }) => {
              if (!abort.signal.aborted) setJob({ status: 'working', format, received, total });
            },
            abort.signal,
          );
          if (abort.signal.aborted) return;
          saveFile(file);
          setJob({ status: 'done', format, size: file.blob.size });
        } catch (error) {
          if (!abort.signal.aborted) setJob({ status: 'error', format, message: toolErrorMessage(error, t) });
        }
      })();
    },
    [map, layers, layerState, title, paper, t, locale],
  );

  const busy = job.status === 'working';
  const formatName = (format: 'png' | 'pdf') => (format === 'png' ? 'PNG' : 'PDF');
  return (
    <section className="ob-tools-panel" data-testid="print-panel" aria-label={t('tools.print')}>
      <div className="ob-tools-panel-header">
        <h2>{t('tools.print')}</h2>
        <button type="button" className="ob-icon-button" onClick={onClose} aria-label={t('tools.close')}>
          ×
        </button>
      </div>
      <label className="ob-tools-field">
        <span>{t('tools.printTitle')}</span>
        <input
          type="text"
          value={title}
          maxLength={100}
          data-testid="print-title"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      {canPdf && (
        <label className="ob-tools-field">
          <span>{t('tools.printPaper')}</span>
          <select
            value={paper}
            data-testid="print-paper"
            onChange={(e) => setPaper(e.target.value as PaperSize)}
          >
            <option value="A4">{t('tools.paperA4')}</option>
            <option value="A3">{t('tools.paperA3')}</option>
          </select>
        </label>
      )}
      <div className="ob-tools-actions">
        <button
          type="button"
          className="ob-button"
          data-testid="print-png"
          disabled={busy || !map}
          onClick={() => start('png')}
        >
          {t('tools.exportPng')}
        </button>
        {canPdf && (
          <button
            type="button"
            className="ob-button"
            data-testid="print-pdf"
            disabled={busy || !map}
            onClick={() => start('pdf')}
          >
            {t('tools.exportPdf')}
          </button>
        )}
      </div>
      {!canPdf && <p className="ob-tools-muted">{t('tools.printPdfSignIn')}</p>}
      {job.status !== 'idle' && (
        <div
          className="ob-download-state"
          data-testid="print-state"
          data-status={job.status}
          data-format={job.format}
          data-bytes={job.status === 'done' ? job.size : job.status === 'working' ? job.received : 0}
        >
          {job.status === 'working' && (
            <>
              <progress max={job.total ?? undefined} value={job.total ? job.received : undefined} />
              <span>
                {job.received > 0
                  ? t('tools.printProgress', {
                      format: formatName(job.format),
                      received: formatBytes(job.received),
                    })
                  : t('tools.printPreparing', { format: formatName(job.format) })}
              </span>
            </>
          )}
          {job.status === 'done' && (
            <>
              <progress max={1} value={1} />
              <span>
                {t('tools.printDone', { format: formatName(job.format), size: formatBytes(job.size) })}
              </span>
            </>
          )}
          {job.status === 'error' && (
            <span role="alert">
              {t('tools.printFailed', { format: formatName(job.format), message: job.message })}{' '}
              <button type="button" className="ob-button" onClick={() => start(job.format)}>
                {t('tools.retry')}
              </button>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
