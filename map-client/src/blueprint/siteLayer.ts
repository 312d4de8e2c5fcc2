// The project's site over the blueprint: a red outline over a light fill, drawn above every layer.
import Feature from 'ol/Feature.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { VIEW_PROJECTION } from './blueprintMap';

const SITE_STYLE = [
  new Style({ stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.9)', width: 6 }) }),
  new Style({
    stroke: new Stroke({ color: '#d4380d', width: 3 }),
    fill: new Fill({ color: 'rgba(212, 56, 13, 0.18)' }),
  }),
];

export function createSiteLayer(coordinates: number[][][][]): VectorLayer {
  const geometry = new MultiPolygon(coordinates).transform('EPSG:4326', VIEW_PROJECTION);
  return new VectorLayer({
    source: new VectorSource({ features: [new Feature({ geometry })] }),
    style: SITE_STYLE,
    zIndex: 1000,
  });
}
