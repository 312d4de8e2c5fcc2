// One layer row of the panel: drag handle, visibility checkbox, name, feature count, opacity slider,
// up/down buttons; unfolded, the legend and the as-of date. The row is dragged to reorder (HTML5 drag
// and drop within its group); the buttons do the same from the keyboard.
import { useState, type DragEvent } from 'react';
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { LayerView } from '../state/layerState';
import { AsOfControl } from './layers/AsOfControl';
import { LayerLegend } from './layers/LayerLegend';
import { LegendSwatch } from './LegendSwatch';

/** How the panel reorders by dragging; absent where the page does not offer it. */
export interface RowDrag {
  onDragStart: (code: string) => void;
  /** whether the dragged layer may be dropped on this one */
  accepts: (code: string) => boolean;
  onDrop: (code: string) => void;
  onDragEnd: () => void;
}

interface Props {
  layer: LayerSummary;
  view: LayerView;
  displayable: boolean;
  isFirst: boolean;
  isLast: boolean;
  onToggle: (code: string, visible: boolean) => void;
  onOpacity: (code: string, opacity: number) => void;
  onMove: (code: string, direction: 'up' | 'down') => void;
  drag?: RowDrag;
  /** the row's as-of date; with onAsOf the row offers the date input */
  asOf?: string | null;
  onAsOf?: (code: string, day: string | null) => void;
}

export function LayerItem({
  layer,
  view,
  displayable,
  isFirst,
  isLast,
  onToggle,
  onOpacity,
  onMove,
  drag,
  asOf = null,
  onAsOf,
}: Props) {
  const { t, locale } = useI18n();
  const { code } = layer;
  const opacityPercent = Math.round(view.opacity * 100);
  const [open, setOpen] = useState(false);
  const [dropping, setDropping] = useState(false);
  const draggable = displayable && drag !== undefined;

  const dragProps = draggable
    ? {
        draggable: true,
        onDragStart: (event: DragEvent<HTMLLIElement>) => {
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', code);
          drag.onDragStart(code);
        },
        onDragOver: (event: DragEvent<HTMLLIElement>) => {
          if (!drag.accepts(code)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          setDropping(true);
        },
        onDragLeave: () => setDropping(false),
        onDrop: (event: DragEvent<HTMLLIElement>) => {
          event.preventDefault();
          setDropping(false);
          drag.onDrop(code);
        },
        onDragEnd: () => {
          setDropping(false);
          drag.onDragEnd();
        },
      }
    : {};

  return (
    <li
      className={`ob-layer${displayable ? '' : ' ob-layer-disabled'}${dropping ? ' ob-workbench-drop' : ''}`}
      data-code={code}
      data-testid={`layer-row-${code}`}
      {...dragProps}
    >
      <div className="ob-workbench-row-name">
        {draggable && (
          <span className="ob-workbench-handle" title={t('workbench.drag')} aria-hidden="true">
            ⠿
          </span>
        )}
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
      </div>
      <span className="ob-layer-count">
        {displayable
          ? t('panel.featureCount', { count: layer.featureCount.toLocaleString(locale) })
          : t('panel.notDisplayable')}
      </span>
      {asOf && (
        <span className="ob-workbench-badge" data-testid={`layer-asof-badge-${code}`}>
          {t('workbench.asOfBadge', { date: asOf })}
        </span>
      )}
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
          {onAsOf && (
            <button
              type="button"
              className="ob-icon-button"
              title={t('workbench.details', { name: layer.name })}
              aria-label={t('workbench.details', { name: layer.name })}
              aria-expanded={open}
              data-testid={`layer-details-${code}`}
              onClick={() => setOpen(!open)}
            >
              {open ? '−' : '⋯'}
            </button>
          )}
        </div>
      )}
      {open && onAsOf && (
        <div className="ob-workbench-details">
          <LayerLegend layer={layer} />
          <AsOfControl layer={layer} asOf={asOf} onAsOf={onAsOf} />
        </div>
      )}
    </li>
  );
}
