// Identify on the workbench: a click on the map asks every visible layer (see map/identify.ts); the card
// shows the vector answers at once and the WMS answers as they come. A new click cancels the last one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type OlMap from 'ol/Map.js';
import type { Pixel } from 'ol/pixel.js';
import { unByKey } from 'ol/Observable.js';
import { identify, type IdentifyResult } from '../map/identify';

export interface IdentifyState extends IdentifyResult {
  pending: boolean;
}

export function useIdentify(
  map: OlMap | null,
  options: { swipePosition: number; isImagery: (code: string) => boolean; paused?: boolean },
): { result: IdentifyState | null; clear: () => void; retry: () => void } {
  const [result, setResult] = useState<IdentifyState | null>(null);
  const optionsRef = useRef(options);
  const lastPixel = useRef<Pixel | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    optionsRef.current = options;
  });

  const ask = useCallback(
    (pixel: Pixel) => {
      if (!map) return;
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      lastPixel.current = pixel;
      setResult({ hits: [], imagery: [], failures: [], pending: true });
      void identify(map, pixel, { ...optionsRef.current, signal: current.signal }).then(
        (answer) => {
          if (!current.signal.aborted) setResult({ ...answer, pending: false });
        },
        (error: unknown) => {
          if (!current.signal.aborted)
            setResult({ hits: [], imagery: [], failures: [{ layerCode: '', error }], pending: false });
        },
      );
    },
    [map],
  );

  useEffect(() => {
    if (!map) return;
    const key = map.on('singleclick', (event) => {
      if (!optionsRef.current.paused) ask(event.pixel);
    });
    return () => {
      unByKey(key);
      controller.current?.abort();
    };
  }, [map, ask]);

  const clear = useCallback(() => {
    controller.current?.abort();
    setResult(null);
  }, []);
  const retry = useCallback(() => {
    if (lastPixel.current) ask(lastPixel.current);
  }, [ask]);
  return { result, clear, retry };
}
