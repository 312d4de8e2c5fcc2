// The layer panel on the left: layers grouped by kind (each group folds away), top of the drawing order
// first, reordered by dragging a row onto another of its group or with the up/down buttons.
import { useRef, useState, type ReactNode } from 'react';
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { kindMessageKey } from '../i18n/messages';
import { groupLayers, isDisplayable, type LayerState } from '../state/layerState';
import { LayerItem, type RowDrag } from './LayerItem';

interface Props {
  layers: LayerSummary[];
  layerState: LayerState;
  onToggle: (code: string, visible: boolean) => void;
  onOpacity: (code: string, opacity: number) => void;
  onMove: (code: string, direction: 'up' | 'down') => void;
  /** drag and drop: put `code` at the place of `target` (same group); without it rows do not drag */
  onMoveTo?: (code: string, target: string) => void;
  /** as-of dates per layer; with onAsOf each row offers its legend and a date */
  asOf?: Readonly<Record<string, string>>;
  onAsOf?: (code: string, day: string | null) => void;
  /** shown below the groups (e.g. the swipe) */
  children?: ReactNode;
}

const NO_DATES: Readonly<Record<string, string>> = {};

export function LayerPanel({
  layers,
  layerState,
  onToggle,
  onOpacity,
  onMove,
  onMoveTo,
  asOf = NO_DATES,
  onAsOf,
  children,
}: Props) {
  const { t, locale } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const [foldedKinds, setFoldedKinds] = useState<ReadonlySet<string>>(new Set());
  const dragged = useRef<{ code: string; kind: string } | null>(null);
  const groups = groupLayers(layers, layerState);
  const kindOf = (code: string) => layers.find((layer) => layer.code === code)?.kind;

  const drag: RowDrag | undefined = onMoveTo && {
    onDragStart: (code) => {
      const kind = kindOf(code);
      dragged.current = kind ? { code, kind } : null;
    },
    accepts: (code) => dragged.current !== null && dragged.current.kind === kindOf(code),
    onDrop: (code) => {
      if (dragged.current && dragged.current.code !== code) onMoveTo(dragged.current.code, code);
      dragged.current = null;
    },
    onDragEnd: () => {
      dragged.current = null;
    },
  };

  const toggleKind = (kind: string) =>
    setFoldedKinds((folded) => {
      const next = new Set(folded);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <aside className={`ob-panel${collapsed ? ' ob-panel-collapsed' : ''}`} data-testid="layer-panel">
      <div className="ob-panel-header">
        <h2>{t('panel.title')}</h2>
        <button
          type="button"
          className="ob-icon-button"
          title={collapsed ? t('panel.expand') : t('panel.collapse')}
          aria-expanded={!collapsed}
          onClick={() => setCollapsed(!collapsed)}
        >
          {collapsed ? '»' : '«'}
        </button>
      </div>
      <div className="ob-panel-body" hidden={collapsed}>
        {groups.length === 0 && <p className="ob-muted">{t('catalog.empty')}</p>}
        {groups.map((group) => {
          const kindName =
            locale === 'zh-CN' && group.kindName ? group.kindName : t(kindMessageKey(group.kind));
          const folded = foldedKinds.has(group.kind);
          return (
            <section key={group.kind} className="ob-group" data-kind={group.kind}>
              <h3>
                <button
                  type="button"
                  className="ob-workbench-group-toggle"
                  aria-expanded={!folded}
                  title={t(folded ? 'workbench.group.expand' : 'workbench.group.collapse', {
                    kind: kindName,
                  })}
                  data-testid={`layer-group-${group.kind}`}
                  onClick={() => toggleKind(group.kind)}
                >
                  <span aria-hidden="true">{folded ? '▸' : '▾'}</span> {kindName}
                  <span className="ob-workbench-group-count">{group.layers.length}</span>
                </button>
              </h3>
              {!folded && (
                <ul>
                  {group.layers.map((layer, index) => (
                    <LayerItem
                      key={layer.code}
                      layer={layer}
                      view={layerState.views[layer.code] ?? { visible: false, opacity: 1 }}
                      displayable={isDisplayable(layer)}
                      isFirst={index === 0}
                      isLast={index === group.layers.length - 1}
                      onToggle={onToggle}
                      onOpacity={onOpacity}
                      onMove={onMove}
                      drag={drag}
                      asOf={asOf[layer.code] ?? null}
                      onAsOf={onAsOf}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        {children}
      </div>
    </aside>
  );
}
