// How the server's conflict parts look on the map: red, and the rule selected in the results panel in a
// stronger fill with a thick dark outline over the others, so its parts stand out among the rest.
import type { FeatureLike } from 'ol/Feature.js';
import { Fill, Stroke, Style } from 'ol/style.js';

const OTHER = new Style({
  fill: new Fill({ color: 'rgba(214, 69, 65, 0.30)' }),
  stroke: new Stroke({ color: '#b3261e', width: 2 }),
  zIndex: 1,
});
const SELECTED = [
  new Style({
    stroke: new Stroke({ color: '#ffffff', width: 7 }),
    zIndex: 2,
  }),
  new Style({
    fill: new Fill({ color: 'rgba(214, 69, 65, 0.6)' }),
    stroke: new Stroke({ color: '#5c0d08', width: 3.5 }),
    zIndex: 3,
  }),
];

export function conflictStyle(feature: FeatureLike): Style | Style[] {
  return feature.get('selected') === true ? SELECTED : OTHER;
}
