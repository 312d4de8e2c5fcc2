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

/**
 * Moves a layer to the place of `target` (drag and drop) when both share a panel group: dropped on a
 * layer below, it goes just under it; on a layer above, just over it.
 */
export function moveTo(
  state: LayerState,
  code: string,
  target: string,
  sameGroup: (other: string) => boolean,
): LayerState {
  const from = state.order.indexOf(code);
  const to = state.order.indexOf(target);
  if (from < 0 || to < 0 || from === to || !sameGroup(target)) return state;
  const order = state.order.filter((other) => other !== code);
  order.splice(to, 0, code);
  return { ...state, order };
}

/** The visible layers, top of the drawing order first. */
export function visibleCodes(state: LayerState): string[] {
  return state.order.filter((code) => state.views[code]?.visible);
}

/** Opacity below 1 per layer, as the URL keeps it. */
export function fadedLayers(state: LayerState): Record<string, number> {
  const faded: Record<string, number> = {};
  for (const [code, view] of Object.entries(state.views)) if (view.opacity < 1) faded[code] = view.opacity;
  return faded;
}

/**
 * The panel state a URL describes (see state/viewState.ts): the catalog's defaults, then the order, the
 * visible layers and their opacity from the URL. Codes the catalog does not hold (a layer the user may
 * not read, or one deleted since the link was made) are left out; layers the URL's order does not name
 * keep their place relative to the catalog's order.
 */
export function layerStateFromUrl(
  layers: LayerSummary[],
  url: { visible: string[] | null; order: string[] | null; opacity: Record<string, number> },
): LayerState {
  const state = initialLayerState(layers);
  const known = new Set(state.order);
  if (url.order) {
    const named = url.order.filter((code, index) => known.has(code) && url.order!.indexOf(code) === index);
    const rest = state.order.filter((code) => !named.includes(code));
    // Layers the link does not name keep their catalog places; the named ones fill the others in the
    // link's order.
    const order: string[] = [];
    for (const code of state.order) {
      if (rest.includes(code)) order.push(code);
      else order.push(named.shift() as string);
    }
    state.order = order;
  }
  for (const [code, view] of Object.entries(state.views)) {
    const byCode = layers.find((layer) => layer.code === code);
    const visible = url.visible ? url.visible.includes(code) : view.visible;
    state.views[code] = {
      visible: visible && byCode !== undefined && isDisplayable(byCode),
      opacity: url.opacity[code] ?? 1,
    };
  }
  return state;
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
