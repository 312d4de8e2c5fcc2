// The map as one image: every layer canvas OpenLayers drew, with its opacity and transform, over the map's
// background colour, once the map has finished drawing (the usual OpenLayers export). The tiles come from
// our own origin, so the canvas stays readable.
import type OlMap from 'ol/Map.js';

export interface MapImage {
  canvas: HTMLCanvasElement;
  /** image pixels per CSS pixel of the map on screen */
  pixelRatio: number;
}

function drawLayers(map: OlMap): MapImage {
  const size = map.getSize() ?? [0, 0];
  const viewport = map.getViewport();
  const canvases = [
    ...(viewport?.querySelectorAll<HTMLCanvasElement>('.ol-layer canvas, canvas.ol-layer') ?? []),
  ];
  // the map was made with OpenLayers' default pixel ratio, the device's
  const pixelRatio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(size[0]! * pixelRatio);
  out.height = Math.round(size[1]! * pixelRatio);
  const context = out.getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  const target = map.getTargetElement();
  context.fillStyle = target ? getComputedStyle(target).backgroundColor || '#f3f1ec' : '#f3f1ec';
  context.fillRect(0, 0, out.width, out.height);
  for (const canvas of canvases) {
    if (canvas.width === 0) continue;
    const parent = canvas.parentElement;
    const opacity = parent?.style.opacity || canvas.style.opacity;
    context.globalAlpha = opacity === '' || opacity === undefined ? 1 : Number(opacity);
    const matrix = /^matrix\(([^(]*)\)$/.exec(canvas.style.transform)?.[1]?.split(',').map(Number) as
      [number, number, number, number, number, number] | undefined;
    if (matrix) context.setTransform(...matrix);
    else context.setTransform(1, 0, 0, 1, 0, 0);
    context.drawImage(canvas, 0, 0);
  }
  context.globalAlpha = 1;
  context.setTransform(1, 0, 0, 1, 0, 0);
  return { canvas: out, pixelRatio };
}

/** Waits for the map to finish drawing (tiles loaded), then composes it. */
export function composeMapImage(map: OlMap): Promise<MapImage> {
  return new Promise((resolve, reject) => {
    map.once('rendercomplete', () => {
      try {
        resolve(drawLayers(map));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    map.renderSync();
  });
}
