// The workbench's tools over the map: the locate box, measure (length, area) and print/export in a bar at
// the top, their panels under it, the scale and cursor coordinates in a bar at the bottom, and the chosen
// project kept in the address. Self-contained: the page hands in its map and
// layers, and hears when a tool takes the map's clicks (so that clicks do not also identify features).
import { useEffect, useState } from 'react';
import type OlMap from 'ol/Map.js';
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { LayerState } from '../state/layerState';
import { CoordinateBar } from './coordinates/CoordinateBar';
import { LocateBox } from './locate/LocateBox';
import { MeasurePanel } from './measure/MeasurePanel';
import { useMeasure, type MeasureMode } from './measure/useMeasure';
import { PrintPanel } from './print/PrintPanel';
import { useViewUrl } from './viewUrl';

type Tool = MeasureMode | 'print' | null;

interface Props {
  map: OlMap | null;
  /** the catalog has loaded (the map has been fitted to the city) */
  ready: boolean;
  layers: LayerSummary[];
  layerState: LayerState;
  /** true while a tool takes the map's clicks */
  onClaimClicks: (claimed: boolean) => void;
}

export function WorkbenchTools({ map, ready, layers, layerState, onClaimClicks }: Props) {
  const { t } = useI18n();
  const [tool, setTool] = useState<Tool>(null);
  const measureMode = tool === 'length' || tool === 'area' ? tool : null;
  const { result, clear } = useMeasure(map, measureMode);
  const { urlHadCentre, project, setProject } = useViewUrl();

  useEffect(() => onClaimClicks(measureMode !== null), [measureMode, onClaimClicks]);

  const toggle = (next: Exclude<Tool, null>) => {
    // a measurement stays drawn for a print; a new measuring tool starts afresh
    if (next !== 'print') clear();
    setTool((current) => (current === next ? null : next));
  };
  const button = (id: Exclude<Tool, null>, label: string) => (
    <button
      type="button"
      className={`ob-tools-button${tool === id ? ' ob-tools-button-on' : ''}`}
      aria-pressed={tool === id}
      data-testid={`tool-${id}`}
      onClick={() => toggle(id)}
    >
      {label}
    </button>
  );

  return (
    <>
      <div className="ob-tools-bar" role="toolbar" aria-label={t('tools.toolbar')}>
        <LocateBox
          map={map}
          ready={ready}
          project={project}
          urlHasView={urlHadCentre}
          onProject={setProject}
        />
        {button('length', t('tools.measureLength'))}
        {button('area', t('tools.measureArea'))}
        {button('print', t('tools.print'))}
      </div>
      {measureMode && (
        <MeasurePanel
          mode={measureMode}
          result={result}
          onClear={clear}
          onClose={() => {
            clear();
            setTool(null);
          }}
        />
      )}
      {tool === 'print' && (
        <PrintPanel map={map} layers={layers} layerState={layerState} onClose={() => setTool(null)} />
      )}
      <CoordinateBar map={map} />
    </>
  );
}
