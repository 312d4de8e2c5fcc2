// How the project page draws on the map: the site version, the parts added and removed since the version
// before, the departments' drawings, and the drawing of the opinion selected.
import { Circle as CircleStyle, Fill, Stroke, Style } from 'ol/style.js';

const point = (color: string, radius: number) =>
  new Style({
    image: new CircleStyle({
      radius,
      fill: new Fill({ color }),
      stroke: new Stroke({ color: '#fff', width: 2 }),
    }),
  });

export const PROJECT_MAP_STYLES: Record<string, Style[]> = {
  site: [
    new Style({
      fill: new Fill({ color: 'rgba(30, 110, 230, 0.16)' }),
      stroke: new Stroke({ color: '#1e6ee6', width: 2.5 }),
    }),
  ],
  /** the site as the background of a department's drawing: outlined only, so the drawing stands out */
  siteOutline: [
    new Style({
      fill: new Fill({ color: 'rgba(31, 78, 140, 0.05)' }),
      stroke: new Stroke({ color: '#1f4e8c', width: 2, lineDash: [8, 5] }),
    }),
  ],
  added: [
    new Style({
      fill: new Fill({ color: 'rgba(46, 160, 67, 0.45)' }),
      stroke: new Stroke({ color: '#1f7a34', width: 1.5 }),
    }),
  ],
  removed: [
    new Style({
      fill: new Fill({ color: 'rgba(214, 69, 65, 0.4)' }),
      stroke: new Stroke({ color: '#b3261e', width: 1.5, lineDash: [4, 3] }),
    }),
  ],
  opinion: [
    new Style({
      fill: new Fill({ color: 'rgba(224, 123, 0, 0.12)' }),
      stroke: new Stroke({ color: '#e07b00', width: 2, lineDash: [6, 4] }),
    }),
    point('#e07b00', 5),
  ],
  selected: [
    new Style({
      fill: new Fill({ color: 'rgba(156, 39, 176, 0.3)' }),
      stroke: new Stroke({ color: '#7b1fa2', width: 4 }),
    }),
    point('#7b1fa2', 8),
  ],
};
