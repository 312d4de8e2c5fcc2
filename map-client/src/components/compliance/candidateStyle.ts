// How candidate sites look on the map: violet outlines with their rank in a white-haloed label, the one
// selected in the list drawn thicker and filled more strongly.
import type { FeatureLike } from 'ol/Feature.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';

const cache = new Map<string, Style>();

export function candidateStyle(feature: FeatureLike): Style {
  const rank = String(feature.get('rank') ?? '');
  const selected = feature.get('selected') === true;
  const key = `${rank}:${selected}`;
  let style = cache.get(key);
  if (!style) {
    style = new Style({
      fill: new Fill({ color: selected ? 'rgba(123, 63, 191, 0.35)' : 'rgba(123, 63, 191, 0.14)' }),
      stroke: new Stroke({ color: '#6a2fb0', width: selected ? 3.5 : 2 }),
      text: new Text({
        text: rank,
        font: '600 14px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
        fill: new Fill({ color: '#4b1d85' }),
        stroke: new Stroke({ color: '#ffffff', width: 3 }),
        overflow: true,
      }),
      zIndex: selected ? 2 : 1,
    });
    cache.set(key, style);
  }
  return style;
}
