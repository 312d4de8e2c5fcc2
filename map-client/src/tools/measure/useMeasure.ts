// Measuring on the map: while a mode is on, clicks add vertices (double-click ends, Escape drops), the
// figures follow the sketch live, and the finished shape stays drawn until the next one or until cleared.
import { useCallback, useEffect, useState } from 'react';
import type OlMap from 'ol/Map.js';
import Draw from 'ol/interaction/Draw.js';
import { unByKey } from 'ol/Observable.js';
import type { EventsKey } from 'ol/events.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import { useOverlaySource } from '../../map/useOverlaySource';
import { measure, type Measurement } from './measureGeometry';

export type MeasureMode = 'length' | 'area';

const STYLE = new Style({
  fill: new Fill({ color: 'rgba(31, 78, 140, 0.15)' }),
  stroke: new Stroke({ color: '#1f4e8c', width: 2.5, lineDash: [8, 5] }),
  image: new Circle({ radius: 4, fill: new Fill({ color: '#1f4e8c' }) }),
});
/** above every catalog layer and the locate highlight */
const Z_INDEX = 9_800;

export function useMeasure(map: OlMap | null, mode: MeasureMode | null) {
  const source = useOverlaySource(map, STYLE, Z_INDEX);
  const [result, setResult] = useState<{ measurement: Measurement; finished: boolean } | null>(null);

  useEffect(() => {
    if (!map || !mode) return;
    const draw = new Draw({ source, type: mode === 'length' ? 'LineString' : 'Polygon', style: STYLE });
    let sketchKey: EventsKey | null = null;
    draw.on('drawstart', (event) => {
      source.clear();
      setResult(null);
      const geometry = event.feature.getGeometry();
      if (!geometry) return;
      sketchKey = geometry.on('change', () => {
        const measurement = measure(geometry);
        if (measurement) setResult({ measurement, finished: false });
      });
    });
    draw.on('drawend', (event) => {
      if (sketchKey) unByKey(sketchKey);
      const geometry = event.feature.getGeometry();
      const measurement = geometry ? measure(geometry) : null;
      setResult(measurement ? { measurement, finished: true } : null);
    });
    map.addInteraction(draw);
    // Escape drops the shape being drawn (the keyboard's way out of a click-driven tool)
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      draw.abortDrawing();
      setResult(null);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      if (sketchKey) unByKey(sketchKey);
      document.removeEventListener('keydown', onKey);
      map.removeInteraction(draw);
    };
  }, [map, mode, source]);

  const clear = useCallback(() => {
    source.clear();
    setResult(null);
  }, [source]);

  return { result, clear };
}
