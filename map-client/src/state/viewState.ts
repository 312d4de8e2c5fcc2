// The workbench's view in the URL, so a copied link reopens the same view: centre and zoom (`x`, `y` in
// CGCS2000 degrees, `z`), the selected project (`project`), and the layers: which show (`layers`, top first),
// the drawing order when changed (`order`), opacity (`opacity=code:40,…`, percent), as-of dates
// (`asof=code:2024-05-01,…`) and the swipe (`swipe=left,right,percent`, a side being `code` or
// `code@date`). Writing touches only the parameters named in the change: others' parameters stay.
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** A layer as drawn: its current version, or the version current at `asOf` (YYYY-MM-DD). */
export interface LayerRef {
  code: string;
  asOf: string | null;
}

export interface SwipeState {
  left: LayerRef;
  right: LayerRef;
  /** where the divider stands, 0 (left edge) .. 1 (right edge) */
  position: number;
}

export interface ViewState {
  /** [lon, lat] in EPSG:4490 */
  centre: [number, number] | null;
  zoom: number | null;
  project: string | null;
  /** visible layer codes, top of the drawing order first; null: the default set */
  visible: string[] | null;
  /** the whole drawing order, top first; null: the catalog's order */
  order: string[] | null;
  /** 0..1, only for layers not fully opaque */
  opacity: Record<string, number>;
  /** YYYY-MM-DD per layer drawn as of a date */
  asOf: Record<string, string>;
  swipe: SwipeState | null;
}

export const VIEW_PARAMS = {
  x: 'x',
  y: 'y',
  z: 'z',
  project: 'project',
  visible: 'layers',
  order: 'order',
  opacity: 'opacity',
  asOf: 'asof',
  swipe: 'swipe',
} as const;

const CODE = /^[a-z][a-z0-9_]{0,62}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Digits kept for the centre: 1e-6 degree is about 0.1 m. */
const LON_LAT_DIGITS = 6;
const ZOOM_DIGITS = 2;

export function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
}

function number(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

function codeList(raw: string | null): string[] | null {
  if (raw === null) return null;
  return raw.split(',').filter((code) => CODE.test(code));
}

function pairs(raw: string | null): Array<[string, string]> {
  if (!raw) return [];
  return raw
    .split(',')
    .map((pair) => pair.split(':') as [string, string?])
    .filter((pair): pair is [string, string] => pair.length === 2 && CODE.test(pair[0]) && !!pair[1]);
}

export function parseLayerRef(raw: string): LayerRef | null {
  const [code, asOf, extra] = raw.split('@');
  if (!code || !CODE.test(code) || extra !== undefined) return null;
  if (asOf !== undefined && !isDay(asOf)) return null;
  return { code, asOf: asOf ?? null };
}

export function formatLayerRef(ref: LayerRef): string {
  return ref.asOf ? `${ref.code}@${ref.asOf}` : ref.code;
}

function parseSwipe(raw: string | null): SwipeState | null {
  if (!raw) return null;
  const [leftRaw, rightRaw, positionRaw] = raw.split(',');
  const left = leftRaw ? parseLayerRef(leftRaw) : null;
  const right = rightRaw ? parseLayerRef(rightRaw) : null;
  if (!left || !right) return null;
  const percent = positionRaw === undefined ? 50 : Number(positionRaw);
  const position = Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) / 100 : 0.5;
  return { left, right, position };
}

export function readViewState(params: URLSearchParams): ViewState {
  const x = number(params, VIEW_PARAMS.x);
  const y = number(params, VIEW_PARAMS.y);
  const z = number(params, VIEW_PARAMS.z);
  const valid = x !== null && y !== null && Math.abs(x) <= 180 && Math.abs(y) <= 90;
  const opacity: Record<string, number> = {};
  for (const [code, percent] of pairs(params.get(VIEW_PARAMS.opacity))) {
    const value = Number(percent);
    if (Number.isFinite(value)) opacity[code] = Math.min(100, Math.max(0, value)) / 100;
  }
  const asOf: Record<string, string> = {};
  for (const [code, day] of pairs(params.get(VIEW_PARAMS.asOf))) if (isDay(day)) asOf[code] = day;
  return {
    centre: valid ? [x, y] : null,
    zoom: z !== null && z >= 0 && z <= 24 ? z : null,
    project: params.get(VIEW_PARAMS.project) || null,
    visible: codeList(params.get(VIEW_PARAMS.visible)),
    order: codeList(params.get(VIEW_PARAMS.order)),
    opacity,
    asOf,
    swipe: parseSwipe(params.get(VIEW_PARAMS.swipe)),
  };
}

function setOrDelete(params: URLSearchParams, name: string, value: string | null): void {
  if (value === null || value === '') params.delete(name);
  else params.set(name, value);
}

/** The parameters with the change written in; names the change does not mention are left as they are. */
export function writeViewState(base: URLSearchParams, change: Partial<ViewState>): URLSearchParams {
  const params = new URLSearchParams(base);
  if ('centre' in change) {
    const centre = change.centre ?? null;
    setOrDelete(params, VIEW_PARAMS.x, centre ? centre[0].toFixed(LON_LAT_DIGITS) : null);
    setOrDelete(params, VIEW_PARAMS.y, centre ? centre[1].toFixed(LON_LAT_DIGITS) : null);
  }
  if ('zoom' in change) {
    const zoom = change.zoom ?? null;
    setOrDelete(params, VIEW_PARAMS.z, zoom === null ? null : String(Number(zoom.toFixed(ZOOM_DIGITS))));
  }
  if ('project' in change) setOrDelete(params, VIEW_PARAMS.project, change.project ?? null);
  if ('visible' in change) {
    // An empty list is kept as `layers=` (nothing shown), unlike null (the default set).
    const visible = change.visible ?? null;
    if (visible === null) params.delete(VIEW_PARAMS.visible);
    else params.set(VIEW_PARAMS.visible, visible.join(','));
  }
  if ('order' in change) setOrDelete(params, VIEW_PARAMS.order, change.order?.join(',') ?? null);
  if ('opacity' in change) {
    const entries = Object.entries(change.opacity ?? {}).filter(([, value]) => value < 1);
    setOrDelete(
      params,
      VIEW_PARAMS.opacity,
      entries.map(([code, value]) => `${code}:${Math.round(value * 100)}`).join(','),
    );
  }
  if ('asOf' in change) {
    const entries = Object.entries(change.asOf ?? {});
    setOrDelete(params, VIEW_PARAMS.asOf, entries.map(([code, day]) => `${code}:${day}`).join(','));
  }
  if ('swipe' in change) {
    const swipe = change.swipe ?? null;
    setOrDelete(
      params,
      VIEW_PARAMS.swipe,
      swipe
        ? `${formatLayerRef(swipe.left)},${formatLayerRef(swipe.right)},${Math.round(swipe.position * 100)}`
        : null,
    );
  }
  return params;
}

export interface ViewStateHandle {
  view: ViewState;
  /**
   * Writes a change into the URL. `push` makes a history entry (a deliberate step the user may go back
   * from); by default the current entry is replaced, as while panning or dragging a slider.
   */
  update: (change: Partial<ViewState>, options?: { push?: boolean }) => void;
  /** Moves the map: centre [lon, lat] in CGCS2000 degrees, and the zoom when given. */
  setCentre: (centre: [number, number], zoom?: number) => void;
  /** Selects a project by its code (null: none). */
  setProject: (code: string | null) => void;
}

/** The view state of the page's URL, and the functions that change it. */
export function useViewState(): ViewStateHandle {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const view = useMemo(() => readViewState(params), [params]);
  const update = useCallback(
    (change: Partial<ViewState>, options: { push?: boolean } = {}) => {
      // The page is being left (a link was followed and the map settled before it was taken down): its
      // view is no longer the address's to write, and writing it would pull the user back.
      if (window.location.pathname !== pathname) return;
      // Read from the address bar, not the last render: two changes in one event must both land.
      const current = new URLSearchParams(window.location.search);
      const next = writeViewState(current, change);
      if (next.toString() === current.toString()) return;
      const search = next.toString();
      void navigate({ pathname, search: search ? `?${search}` : '' }, { replace: !options.push });
    },
    [navigate, pathname],
  );
  const setCentre = useCallback(
    (centre: [number, number], zoom?: number) =>
      update(zoom === undefined ? { centre } : { centre, zoom }, { push: true }),
    [update],
  );
  const setProject = useCallback(
    (code: string | null) => update({ project: code }, { push: true }),
    [update],
  );
  return { view, update, setCentre, setProject };
}
