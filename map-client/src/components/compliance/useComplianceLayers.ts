// The compliance map's layer state: at first the layers the rule set reads (and can be drawn), then as the
// layer panel and the 多规冲突 tab change it; started again when the catalog or the rule set changes.
import { useCallback, useMemo, useState } from 'react';
import type { LayerSummary } from '../../api/types';
import { initialLayerState, move, setOpacity, setVisible, type LayerState } from '../../state/layerState';

function complianceLayerState(layers: LayerSummary[], visible: string[] | null): LayerState {
  let state = initialLayerState(layers);
  if (!visible) return state;
  for (const layer of layers)
    state = setVisible(state, layer.code, visible.includes(layer.code) && Boolean(layer.tiles));
  return state;
}

export interface ComplianceLayers {
  layerState: LayerState;
  layersByCode: Map<string, LayerSummary>;
  onToggle: (code: string, visible: boolean) => void;
  onOpacity: (code: string, opacity: number) => void;
  onMove: (code: string, direction: 'up' | 'down') => void;
}

export function useComplianceLayers(
  layers: LayerSummary[],
  ruleLayerCodes: string[] | null,
): ComplianceLayers {
  const [layerState, setLayerState] = useState<LayerState>(() =>
    complianceLayerState(layers, ruleLayerCodes),
  );
  const [stateFor, setStateFor] = useState<{ layers: LayerSummary[]; rules: string[] | null }>({
    layers,
    rules: ruleLayerCodes,
  });
  if (stateFor.layers !== layers || stateFor.rules !== ruleLayerCodes) {
    setStateFor({ layers, rules: ruleLayerCodes });
    setLayerState(complianceLayerState(layers, ruleLayerCodes));
  }
  const layersByCode = useMemo(() => new Map(layers.map((layer) => [layer.code, layer])), [layers]);
  const onToggle = useCallback(
    (code: string, visible: boolean) => setLayerState((s) => setVisible(s, code, visible)),
    [],
  );
  const onOpacity = useCallback(
    (code: string, opacity: number) => setLayerState((s) => setOpacity(s, code, opacity)),
    [],
  );
  const onMove = useCallback(
    (code: string, direction: 'up' | 'down') => {
      const kind = layersByCode.get(code)?.kind;
      setLayerState((s) => move(s, code, direction, (other) => layersByCode.get(other)?.kind === kind));
    },
    [layersByCode],
  );
  return { layerState, layersByCode, onToggle, onOpacity, onMove };
}
