// The site: draw it on the map, clear it, or read it from a file (GeoJSON or 国土TXT, read in the browser);
// the project type the land-use rule needs and an optional project code; its area on the ellipsoid.
import type { ChangeEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { StatusBanner } from '../StatusBanner';
import { AreaFigures } from './AreaFigures';
import type { SiteEditor } from './useSiteEditor';

interface Props {
  editor: SiteEditor;
  siteAreaM2: number | null;
  onFile: (file: File) => void;
  fileMessage: { tone: 'info' | 'error'; text: string } | null;
  projectTypes: string[];
  projectType: string;
  onProjectType: (value: string) => void;
  projectCode: string;
  onProjectCode: (value: string) => void;
}

export function SitePanel(props: Props) {
  const { t } = useI18n();
  const { editor, siteAreaM2 } = props;
  const onFileInput = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) props.onFile(file);
    event.target.value = '';
  };
  return (
    <section className="ob-compliance-section" data-testid="site-panel" data-drawing={String(editor.drawing)}>
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
          className="ob-button"
          data-testid="site-clear"
          disabled={siteAreaM2 === null}
          onClick={editor.clear}
        >
          {t('compliance.clear')}
        </button>
      </div>
      <label className="ob-field">
        <span>{t('compliance.upload')}</span>
        <input type="file" accept=".geojson,.json,.txt" data-testid="site-file" onChange={onFileInput} />
      </label>
      {props.fileMessage && (
        <StatusBanner tone={props.fileMessage.tone} testId="site-file-message">
          {props.fileMessage.text}
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
          <p className="ob-hint">{t('compliance.editHint')}</p>
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
