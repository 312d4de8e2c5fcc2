// The layer panel's state as pure functions: which layers show, how opaque, and in which drawing order.
import type { LayerKind, LayerSummary } from '../api/types';

/** Shown when the page opens (the planner's usual overlay). */
export const DEFAULT_VISIBLE_LAYERS: ReadonlySet<string> = new Set([
  'districts',
  'land_use_plan',
  'ecological_red_line',
  'permanent_basic_farmland',
  'urban_development_boundary',
]);

export interface LayerView {
  visible: boolean;
  /** 0..1 */
  opacity: number;
}

export interface LayerState {
  /** Layer codes from the top of the drawing order to the bottom. */
  order: string[];
  views: Record<string, LayerView>;
}

export interface LayerGroup {
  kind: LayerKind;
  kindName: string;
  layers: LayerSummary[];
}

/** A layer can be drawn once the server offers tiles for it (a layer with no version has none). */
export function isDisplayable(layer: LayerSummary): layer is LayerSummary & { tiles: string } {
  return typeof layer.tiles === 'string' && layer.tiles.length > 0;
}

export function initialLayerState(layers: LayerSummary[]): LayerState {
  const bottomUp = [...layers].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const views: Record<string, LayerView> = {};
  for (const layer of layers) {
    views[layer.code] = {
      visible: isDisplayable(layer) && DEFAULT_VISIBLE_LAYERS.has(layer.code),
      opacity: 1,
    };
  }
  return { order: bottomUp.map((layer) => layer.code).reverse(), views };
}

export function setVisible(state: LayerState, code: string, visible: boolean): LayerState {
  const view = state.views[code];
  if (!view) return state;
  return { ...state, views: { ...state.views, [code]: { ...view, visible } } };
}

export function setOpacity(state: LayerState, code: string, opacity: number): LayerState {
  const view = state.views[code];
  if (!view) return state;
  const clamped = Math.min(1, Math.max(0, opacity));
  return { ...state, views: { ...state.views, [code]: { ...view, opacity: clamped } } };
}

/**
 * Moves a layer one step up (drawn above) or down within the layers sharing its panel group: it swaps
 * places in the drawing order with the nearest layer of the same group in that direction.
 */
export function move(
  state: LayerState,
  code: string,
  direction: 'up' | 'down',
  sameGroup: (other: string) => boolean,
): LayerState {
  const from = state.order.indexOf(code);
  if (from < 0) return state;
  const step = direction === 'up' ? -1 : 1;
  let to = from + step;
  while (to >= 0 && to < state.order.length && !sameGroup(state.order[to] as string)) to += step;
  if (to < 0 || to >= state.order.length) return state;
  const order = [...state.order];
  [order[from], order[to]] = [order[to] as string, code];
  return { ...state, order };
}

/** zIndex for OpenLayers: the top of the order gets the highest. */
export function zIndexOf(state: LayerState, code: string): number {
  const index = state.order.indexOf(code);
  return index < 0 ? 0 : state.order.length - index;
}

/** The panel's groups: one per kind, in the order their top layer is drawn, layers top first. */
export function groupLayers(layers: LayerSummary[], state: LayerState): LayerGroup[] {
  const byCode = new Map(layers.map((layer) => [layer.code, layer]));
  const groups = new Map<LayerKind, LayerGroup>();
  for (const code of state.order) {
    const layer = byCode.get(code);
    if (!layer) continue;
    let group = groups.get(layer.kind);
    if (!group) {
      group = { kind: layer.kind, kindName: layer.kindName, layers: [] };
      groups.set(layer.kind, group);
    }
    group.layers.push(layer);
  }
  return [...groups.values()];
}
