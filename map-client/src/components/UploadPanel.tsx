// "上传数据": one file, an optional CRS (empty = detect), the text encoding (auto/UTF-8/GBK) and a note;
// then the import's progress and result.
import { useState, type FormEvent } from 'react';
import type { ImportJob, UploadEncoding } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ImportProgress } from './ImportProgress';
import { useImport } from './useImport';

/** The formats the importers read (see DESIGN.md, "Files planners hand us"). */
const ACCEPTED_FILES = '.zip,.gpkg,.geojson,.json,.kml,.dxf,.csv,.txt,.tif,.tiff';

interface Props {
  layerCode: string;
  onImported: (job: ImportJob) => void;
  onOpenReport: (version: number) => void;
}

export function UploadPanel({ layerCode, onImported, onOpenReport }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [srs, setSrs] = useState('');
  const [encoding, setEncoding] = useState<UploadEncoding | ''>('');
  const [note, setNote] = useState('');
  const { state, start, busy } = useImport(layerCode, onImported);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file || busy) return;
    void start({ file, srs, encoding: encoding || undefined, note });
  };

  return (
    <div className="ob-upload">
      <form className="ob-form" data-testid="upload-form" onSubmit={submit}>
        <label className="ob-field">
          <span>{t('upload.file')}</span>
          <input
            type="file"
            name="file"
            accept={ACCEPTED_FILES}
            data-testid="upload-file"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <small className="ob-muted">{t('upload.fileHint')}</small>
        </label>
        <div className="ob-form-grid">
          <label className="ob-field">
            <span>{t('upload.srs')}</span>
            <input
              name="srs"
              value={srs}
              placeholder={t('upload.srsPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              aria-describedby="upload-srs-hint"
              data-testid="upload-srs"
              onChange={(event) => setSrs(event.target.value)}
            />
            <small id="upload-srs-hint" className="ob-muted">
              {t('upload.srsHint')}
            </small>
          </label>
          <label className="ob-field">
            <span>{t('upload.encoding')}</span>
            <select
              name="encoding"
              value={encoding}
              data-testid="upload-encoding"
              onChange={(event) => setEncoding(event.target.value as UploadEncoding | '')}
            >
              <option value="">{t('upload.encodingAuto')}</option>
              <option value="UTF-8">UTF-8</option>
              <option value="GBK">GBK</option>
            </select>
          </label>
        </div>
        <label className="ob-field">
          <span>{t('upload.note')}</span>
          <input
            name="note"
            value={note}
            placeholder={t('upload.notePlaceholder')}
            data-testid="upload-note"
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <div className="ob-form-actions">
          <button
            type="submit"
            className="ob-button ob-button-primary"
            disabled={!file || busy}
            data-testid="upload-submit"
          >
            {t('upload.submit')}
          </button>
        </div>
      </form>
      <ImportProgress state={state} onOpenReport={onOpenReport} />
    </div>
  );
}
