// The project's site over the blueprint: a dark blue outline on a white halo over a light veil, drawn above
// every layer; blue, because the plan's own reds (commercial land, the red line) would swallow a red one.
import Feature from 'ol/Feature.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { VIEW_PROJECTION } from './blueprintMap';

const SITE_STYLE = [
  new Style({
    stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.95)', width: 8 }),
    fill: new Fill({ color: 'rgba(255, 255, 255, 0.35)' }),
  }),
  new Style({ stroke: new Stroke({ color: '#0b3d91', width: 3.5 }) }),
];

export function createSiteLayer(coordinates: number[][][][]): VectorLayer {
  const geometry = new MultiPolygon(coordinates).transform('EPSG:4326', VIEW_PROJECTION);
  return new VectorLayer({
    source: new VectorSource({ features: [new Feature({ geometry })] }),
    style: SITE_STYLE,
    zIndex: 1000,
  });
}
