// The map print as a PDF (POST /api/v1/prints): the map image and its layout fields as a form, the PDF
// read back with its progress.
import { csrfHeaders } from './credentials';
import { downloadWithProgress, type DownloadedFile, type DownloadProgress } from './download';

export type PaperSize = 'A4' | 'A3';

export interface PrintFields {
  title: string;
  paper: PaperSize;
  /** ground metres one pixel of the map image covers at the view centre */
  metresPerPixel: number;
  legend: { name: string; colour: string | null }[];
  notes: string[];
}

export function downloadPrintPdf(
  map: Blob,
  fields: PrintFields,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  const form = new FormData();
  form.append('title', fields.title);
  form.append('paper', fields.paper);
  form.append('metresPerPixel', String(fields.metresPerPixel));
  form.append('legend', JSON.stringify(fields.legend));
  form.append('notes', JSON.stringify(fields.notes));
  form.append('map', map, 'map.png');
  return downloadWithProgress('/api/v1/prints', 'map-print.pdf', onProgress, signal, {
    method: 'POST',
    headers: csrfHeaders('POST'),
    body: form,
  });
}
