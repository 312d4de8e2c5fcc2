// One layer row of the panel: visibility checkbox, name, feature count, opacity slider, up/down buttons.
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { LayerView } from '../state/layerState';
import { LegendSwatch } from './LegendSwatch';

interface Props {
  layer: LayerSummary;
  view: LayerView;
  displayable: boolean;
  isFirst: boolean;
  isLast: boolean;
  onToggle: (code: string, visible: boolean) => void;
  onOpacity: (code: string, opacity: number) => void;
  onMove: (code: string, direction: 'up' | 'down') => void;
}

export function LayerItem({ layer, view, displayable, isFirst, isLast, onToggle, onOpacity, onMove }: Props) {
  const { t, locale } = useI18n();
  const { code } = layer;
  const opacityPercent = Math.round(view.opacity * 100);
  return (
    <li className={`ob-layer${displayable ? '' : ' ob-layer-disabled'}`} data-code={code}>
      <label className="ob-layer-name" title={layer.description || layer.name}>
        <input
          type="checkbox"
          data-testid={`layer-toggle-${code}`}
          checked={view.visible}
          disabled={!displayable}
          onChange={(event) => onToggle(code, event.target.checked)}
        />
        <LegendSwatch style={layer.style} />
        <span>{layer.name}</span>
      </label>
      <span className="ob-layer-count">
        {displayable
          ? t('panel.featureCount', { count: layer.featureCount.toLocaleString(locale) })
          : t('panel.notDisplayable')}
      </span>
      {displayable && (
        <div className="ob-layer-controls">
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={opacityPercent}
            aria-label={`${t('panel.opacity')} ${layer.name}`}
            title={`${t('panel.opacity')} ${opacityPercent}%`}
            data-testid={`layer-opacity-${code}`}
            onChange={(event) => onOpacity(code, Number(event.target.value) / 100)}
          />
          <button
            type="button"
            className="ob-icon-button"
            title={t('panel.moveUp')}
            aria-label={`${t('panel.moveUp')} ${layer.name}`}
            data-testid={`layer-up-${code}`}
            disabled={isFirst}
            onClick={() => onMove(code, 'up')}
          >
            ▲
          </button>
          <button
            type="button"
            className="ob-icon-button"
            title={t('panel.moveDown')}
            aria-label={`${t('panel.moveDown')} ${layer.name}`}
            data-testid={`layer-down-${code}`}
            disabled={isLast}
            onClick={() => onMove(code, 'down')}
          >
            ▼
          </button>
        </div>
      )}
    </li>
  );
}
