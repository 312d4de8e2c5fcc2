// The layer panel on the left: layers grouped by kind, top of the drawing order first.
import { useState } from 'react';
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { kindMessageKey } from '../i18n/messages';
import { groupLayers, isDisplayable, type LayerState } from '../state/layerState';
import { LayerItem } from './LayerItem';

interface Props {
  layers: LayerSummary[];
  layerState: LayerState;
  onToggle: (code: string, visible: boolean) => void;
  onOpacity: (code: string, opacity: number) => void;
  onMove: (code: string, direction: 'up' | 'down') => void;
}

export function LayerPanel({ layers, layerState, onToggle, onOpacity, onMove }: Props) {
  const { t, locale } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const groups = groupLayers(layers, layerState);

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
        {groups.map((group) => (
          <section key={group.kind} className="ob-group" data-kind={group.kind}>
            <h3>{locale === 'zh-CN' && group.kindName ? group.kindName : t(kindMessageKey(group.kind))}</h3>
            <ul>
              {group.layers.map((layer, index) => {
                const view = layerState.views[layer.code] ?? { visible: false, opacity: 1 };
                return (
                  <LayerItem
                    key={layer.code}
                    layer={layer}
                    view={view}
                    displayable={isDisplayable(layer)}
                    isFirst={index === 0}
                    isLast={index === group.layers.length - 1}
                    onToggle={onToggle}
                    onOpacity={onOpacity}
                    onMove={onMove}
                  />
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
