// The site on the map: a vector layer holding one polygon, drawn with OpenLayers' Draw (click the corners,
// double-click or click the first corner to close) and edited with Modify (drag a vertex; click an edge to
// add one; Alt-click a vertex, or click it while 删除拐点 is on, to remove it). Each finished change (a
// drawing, a drag, an insertion, a removal, a file) can be undone. Every change of the geometry, also in the
// middle of a drag, reaches `onChange` at most once a frame in EPSG:4490, so the preview follows the pointer.
import { useCallback, useEffect, useRef, useState } from 'react';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import { altKeyOnly, singleClick } from 'ol/events/condition.js';
import type Geometry from 'ol/geom/Geometry.js';
import SimpleGeometry from 'ol/geom/SimpleGeometry.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style, Circle as CircleStyle } from 'ol/style.js';
import type { MultiPolygon, Polygon } from 'geojson';
import { toCgcs2000Geometry, toViewGeometry } from '../../map/cgcs2000Geometry';
import { vertexCount } from './vertexCount';

const SITE_STYLE = [
  new Style({
    fill: new Fill({ color: 'rgba(30, 110, 230, 0.12)' }),
    stroke: new Stroke({ color: '#1e6ee6', width: 2.5 }),
  }),
];
const VERTEX_STYLE = new Style({
  image: new CircleStyle({
    radius: 6,
    fill: new Fill({ color: '#ffffff' }),
    stroke: new Stroke({ color: '#1e6ee6', width: 2 }),
  }),
});
const DELETE_VERTEX_STYLE = new Style({
  image: new CircleStyle({
    radius: 7,
    fill: new Fill({ color: '#fde8e6' }),
    stroke: new Stroke({ color: '#b3261e', width: 2.5 }),
  }),
});
/** the changes kept for undo */
const HISTORY_LIMIT = 50;

export interface SiteEditor {
  drawing: boolean;
  startDrawing: () => void;
  cancelDrawing: () => void;
  /** puts a geometry (a file, a stored check, a candidate) on the map as the site and fits the view to it */
  setSite: (geometry: Polygon | MultiPolygon) => void;
  clear: () => void;
  /** clicking a vertex removes it (Alt-click does so always) */
  deleting: boolean;
  setDeleting: (on: boolean) => void;
  canUndo: boolean;
  undo: () => void;
  /** the site's vertices (each ring's closing point not counted); 0 without a site */
  vertices: number;
}

export function useSiteEditor(
  map: OlMap | null,
  onChange: (site: Polygon | MultiPolygon | null) => void,
): SiteEditor {
  const sourceRef = useRef(new VectorSource<Feature<Geometry>>());
  const drawRef = useRef<Draw | null>(null);
  const onChangeRef = useRef(onChange);
  const deletingRef = useRef(false);
  const modifyRef = useRef<Modify | null>(null);
  /** the site before each finished change, newest last (null: there was none) */
  const historyRef = useRef<(Geometry | null)[]>([]);
  const [drawing, setDrawing] = useState(false);
  const [deleting, setDeletingState] = useState(false);
  const [historyLength, setHistoryLength] = useState(0);
  const [vertices, setVertices] = useState(0);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const current = useCallback((): Geometry | null => {
    return sourceRef.current.getFeatures()[0]?.getGeometry()?.clone() ?? null;
  }, []);

  const remember = useCallback((before: Geometry | null) => {
    const history = historyRef.current;
    history.push(before);
    if (history.length > HISTORY_LIMIT) history.shift();
    setHistoryLength(history.length);
  }, []);

  useEffect(() => {
    if (!map) return;
    const source = sourceRef.current;
    const layer = new VectorLayer({ source, style: SITE_STYLE, zIndex: 10_000 });
    layer.set('name', 'compliance-site');
    map.addLayer(layer);
    const modify = new Modify({
      source,
      style: () => (deletingRef.current ? DELETE_VERTEX_STYLE : VERTEX_STYLE),
      pixelTolerance: 12,
      deleteCondition: (event) => singleClick(event) && (deletingRef.current || altKeyOnly(event)),
      // while removing, a click beside a vertex must not add one
      insertVertexCondition: () => !deletingRef.current,
    });
    modifyRef.current = modify;
    map.addInteraction(modify);
    let before: Geometry | null = null;
    modify.on('modifystart', () => {
      before = current();
    });
    modify.on('modifyend', () => {
      const after = source.getFeatures()[0]?.getGeometry();
      if (before && after && !sameCoordinates(before, after)) remember(before);
      before = null;
    });
    let frame = 0;
    const emit = () => {
      frame = 0;
      const feature = source.getFeatures()[0];
      const geometry = feature?.getGeometry();
      setVertices(geometry ? vertexCount(geometry) : 0);
      onChangeRef.current(geometry ? toCgcs2000Geometry(geometry) : null);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(emit);
    };
    // a change of the feature's geometry (a vertex dragged) or of the features (drawn, replaced, cleared)
    source.on('changefeature', schedule);
    source.on('addfeature', schedule);
    source.on('clear', schedule);
    source.on('removefeature', schedule);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      if (drawRef.current) map.removeInteraction(drawRef.current);
      drawRef.current = null;
      map.removeInteraction(modify);
      modifyRef.current = null;
      map.removeLayer(layer);
      source.un('changefeature', schedule);
      source.un('addfeature', schedule);
      source.un('clear', schedule);
      source.un('removefeature', schedule);
    };
  }, [map, current, remember]);

  const cancelDrawing = useCallback(() => {
    if (map && drawRef.current) map.removeInteraction(drawRef.current);
    drawRef.current = null;
    setDrawing(false);
  }, [map]);

  const setDeleting = useCallback((on: boolean) => {
    deletingRef.current = on;
    setDeletingState(on);
    // the vertex marker takes the mode's colour at once
    sourceRef.current.changed();
  }, []);

  const startDrawing = useCallback(() => {
    if (!map) return;
    if (drawRef.current) map.removeInteraction(drawRef.current);
    setDeleting(false);
    const source = sourceRef.current;
    const draw = new Draw({ type: 'Polygon', stopClick: true });
    draw.on('drawend', (event) => {
      remember(current());
      source.clear();
      source.addFeature(event.feature);
      map.removeInteraction(draw);
      drawRef.current = null;
      setDrawing(false);
    });
    map.addInteraction(draw);
    drawRef.current = draw;
    setDrawing(true);
  }, [map, current, remember, setDeleting]);

  const setSite = useCallback(
    (geometry: Polygon | MultiPolygon) => {
      const source = sourceRef.current;
      const viewGeometry = toViewGeometry(geometry);
      remember(current());
      source.clear();
      source.addFeature(new Feature(viewGeometry));
      map?.getView().fit(viewGeometry.getExtent(), { padding: [60, 60, 60, 360], maxZoom: 18 });
    },
    [map, current, remember],
  );

  const clear = useCallback(() => {
    const before = current();
    if (before) remember(before);
    sourceRef.current.clear();
  }, [current, remember]);

  const undo = useCallback(() => {
    const previous = historyRef.current.pop();
    setHistoryLength(historyRef.current.length);
    if (previous === undefined) return;
    const source = sourceRef.current;
    source.clear();
    if (previous) source.addFeature(new Feature(previous));
  }, []);

  return {
    drawing,
    startDrawing,
    cancelDrawing,
    setSite,
    clear,
    deleting,
    setDeleting,
    canUndo: historyLength > 0,
    undo,
    vertices,
  };
}

/** a click that moved nothing (a vertex pressed and let go in place) is no change to undo */
function sameCoordinates(a: Geometry, b: Geometry): boolean {
  const flat = (g: Geometry) => (g instanceof SimpleGeometry ? g.getFlatCoordinates().join(',') : '');
  return flat(a) === flat(b);
}
