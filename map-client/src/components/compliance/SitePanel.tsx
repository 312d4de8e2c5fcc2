// The site: draw it on the map, edit its corners (drag, add on an edge, remove, undo), clear it, or read it
// from a file (GeoJSON and 国土TXT in the browser; zipped Shapefile, DXF, KML, GeoPackage through the server);
// the project type the land-use rule needs and an optional project code; its area on the ellipsoid.
import type { ChangeEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { StatusBanner } from '../StatusBanner';
import { AreaFigures } from './AreaFigures';
import type { SiteEditor } from './useSiteEditor';
import type { SiteFileState } from './useSiteFile';

/** what the file input offers; the server reads the ones the browser cannot */
const ACCEPTED = '.geojson,.json,.txt,.zip,.dxf,.kml,.gpkg';
/** CRS offered for a file that declares none (DXF): the city's 3° zone first */
const SRS_CHOICES = ['EPSG:4538', 'EPSG:4517', 'EPSG:4490', 'EPSG:4326'];

interface Props {
  editor: SiteEditor;
  siteAreaM2: number | null;
  onFile: (file: File) => void;
  file: SiteFileState;
  srs: string;
  onSrs: (value: string) => void;
  projectTypes: string[];
  projectType: string;
  onProjectType: (value: string) => void;
  projectCode: string;
  onProjectCode: (value: string) => void;
}

export function SitePanel(props: Props) {
  const { t } = useI18n();
  const { editor, siteAreaM2, file } = props;
  const onFileInput = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (chosen) props.onFile(chosen);
    event.target.value = '';
  };
  return (
    <section
      className="ob-compliance-section"
      data-testid="site-panel"
      data-drawing={String(editor.drawing)}
      data-vertices={editor.vertices}
    >
      <h3>{t('compliance.site')}</h3>
      <div className="ob-site-tools">
        {editor.drawing ? (
          <button
            type="button"
            className="ob-button"
            data-testid="site-cancel-draw"
            onClick={editor.cancelDrawing}
          >
            {t('compliance.cancelDraw')}
          </button>
        ) : (
          <button
            type="button"
            className="ob-button ob-button-primary"
            data-testid="site-draw"
            onClick={editor.startDrawing}
          >
            {siteAreaM2 === null ? t('compliance.draw') : t('compliance.redraw')}
          </button>
        )}
        <button
          type="button"
          className={`ob-button${editor.deleting ? ' ob-compliance-toggle-on' : ''}`}
          data-testid="site-delete-vertex"
          aria-pressed={editor.deleting}
          disabled={siteAreaM2 === null || editor.drawing}
          onClick={() => editor.setDeleting(!editor.deleting)}
        >
          {t('compliance.deleteVertex')}
        </button>
        <button
          type="button"
          className="ob-button"
          data-testid="site-undo"
          disabled={!editor.canUndo || editor.drawing}
          onClick={editor.undo}
          title={t('compliance.undoShortcut')}
        >
          {t('compliance.undo')}
        </button>
        <button
          type="button"
          className="ob-button"
          data-testid="site-clear"
          disabled={siteAreaM2 === null}
          onClick={editor.clear}
        >
          {t('compliance.clear')}
        </button>
      </div>
      <div className="ob-field">
        <span id="ob-compliance-file-label">{t('compliance.upload')}</span>
        {/* the browser's own file button speaks the browser's language: a button of ours says 选择文件 */}
        <label className="ob-compliance-file">
          <input
            type="file"
            accept={ACCEPTED}
            className="ob-compliance-file-input"
            aria-labelledby="ob-compliance-file-label"
            data-testid="site-file"
            disabled={file.status === 'reading'}
            onChange={onFileInput}
          />
          <span className="ob-button">{t('compliance.chooseFile')}</span>
        </label>
      </div>
      <label className="ob-field">
        <span>{t('compliance.fileSrs')}</span>
        <input
          type="text"
          list="ob-compliance-srs"
          value={props.srs}
          placeholder={t('compliance.fileSrsAuto')}
          data-testid="site-file-srs"
          onChange={(e) => props.onSrs(e.target.value)}
        />
        <datalist id="ob-compliance-srs">
          {SRS_CHOICES.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
      </label>
      {file.status === 'reading' && (
        <StatusBanner tone="info" testId="site-file-reading">
          {t('compliance.fileReading', { name: file.name })}
        </StatusBanner>
      )}
      {file.status === 'read' && (
        <StatusBanner tone="info" testId="site-file-message">
          <span data-area-m2={file.areaM2?.toFixed(2)}>{file.text}</span>
        </StatusBanner>
      )}
      {file.status === 'error' && (
        <StatusBanner tone="error" testId="site-file-message">
          <span>{file.text}</span>
          <button type="button" className="ob-button" onClick={file.retry} data-testid="site-file-retry">
            {t('compliance.retry')}
          </button>
        </StatusBanner>
      )}
      {editor.drawing && <p className="ob-hint">{t('compliance.drawing')}</p>}
      {siteAreaM2 === null ? (
        <p className="ob-hint">{t('compliance.noSite')}</p>
      ) : (
        <>
          <p>
            {t('compliance.siteArea')}：<AreaFigures areaM2={siteAreaM2} testId="site-area" />
          </p>
          <p className="ob-hint" data-testid="site-vertices">
            {t('compliance.vertexCount', { count: editor.vertices })}
          </p>
          <p className="ob-hint">{editor.deleting ? t('compliance.deleteHint') : t('compliance.editHint')}</p>
        </>
      )}
      <label className="ob-field">
        <span>{t('compliance.projectType')}</span>
        <select
          value={props.projectType}
          data-testid="site-project-type"
          onChange={(e) => props.onProjectType(e.target.value)}
        >
          <option value="">{t('compliance.projectTypeNone')}</option>
          {props.projectTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label className="ob-field">
        <span>{t('compliance.projectCode')}</span>
        <input
          type="text"
          value={props.projectCode}
          data-testid="site-project-code"
          placeholder="2024-650102-83-01-000100"
          onChange={(e) => props.onProjectCode(e.target.value.trim())}
        />
      </label>
    </section>
  );
}
