// The site on the map: a vector layer holding one polygon, drawn with OpenLayers' Draw (click the corners,
// double-click or click the first corner to close) and edited with Modify (drag a vertex, click an edge to
// add one). Every change of the geometry, also in the middle of a drag, reaches `onChange` at most once a
// frame in EPSG:4490, so the preview follows the pointer.
import { useCallback, useEffect, useRef, useState } from 'react';
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style, Circle as CircleStyle } from 'ol/style.js';
import type { MultiPolygon, Polygon } from 'geojson';
import { toCgcs2000Geometry, toViewGeometry } from './siteGeometry';

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

export interface SiteEditor {
  drawing: boolean;
  startDrawing: () => void;
  cancelDrawing: () => void;
  /** puts a geometry (a file, a stored check) on the map as the site and fits the view to it */
  setSite: (geometry: Polygon | MultiPolygon) => void;
  clear: () => void;
}

export function useSiteEditor(
  map: OlMap | null,
  onChange: (site: Polygon | MultiPolygon | null) => void,
): SiteEditor {
  const sourceRef = useRef(new VectorSource<Feature<Geometry>>());
  const drawRef = useRef<Draw | null>(null);
  const onChangeRef = useRef(onChange);
  const [drawing, setDrawing] = useState(false);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!map) return;
    const source = sourceRef.current;
    const layer = new VectorLayer({ source, style: SITE_STYLE, zIndex: 10_000 });
    map.addLayer(layer);
    const modify = new Modify({ source, style: VERTEX_STYLE, pixelTolerance: 12 });
    map.addInteraction(modify);
    let frame = 0;
    const emit = () => {
      frame = 0;
      const feature = source.getFeatures()[0];
      const geometry = feature?.getGeometry();
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
      map.removeLayer(layer);
      source.un('changefeature', schedule);
      source.un('addfeature', schedule);
      source.un('clear', schedule);
      source.un('removefeature', schedule);
    };
  }, [map]);

  const cancelDrawing = useCallback(() => {
    if (map && drawRef.current) map.removeInteraction(drawRef.current);
    drawRef.current = null;
    setDrawing(false);
  }, [map]);

  const startDrawing = useCallback(() => {
    if (!map) return;
    if (drawRef.current) map.removeInteraction(drawRef.current);
    const source = sourceRef.current;
    const draw = new Draw({ type: 'Polygon', stopClick: true });
    draw.on('drawend', (event) => {
      source.clear();
      source.addFeature(event.feature);
      map.removeInteraction(draw);
      drawRef.current = null;
      setDrawing(false);
    });
    map.addInteraction(draw);
    drawRef.current = draw;
    setDrawing(true);
  }, [map]);

  const setSite = useCallback(
    (geometry: Polygon | MultiPolygon) => {
      const source = sourceRef.current;
      const viewGeometry = toViewGeometry(geometry);
      source.clear();
      source.addFeature(new Feature(viewGeometry));
      map?.getView().fit(viewGeometry.getExtent(), { padding: [60, 60, 60, 360], maxZoom: 18 });
    },
    [map],
  );

  const clear = useCallback(() => sourceRef.current.clear(), []);

  return { drawing, startDrawing, cancelDrawing, setSite, clear };
}
