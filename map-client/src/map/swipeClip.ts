// Clips a layer to one side of the swipe divider while it draws (OpenLayers' prerender / postrender
// events on the layer's own canvas), so two layers, or two versions of one, show side by side.
import type BaseLayer from 'ol/layer/Base.js';
import LayerGroup from 'ol/layer/Group.js';
import type Layer from 'ol/layer/Layer.js';
import { unByKey } from 'ol/Observable.js';
import type RenderEvent from 'ol/render/Event.js';
import { getRenderPixel } from 'ol/render.js';

export type SwipeSide = 'left' | 'right';

/** Set on the layers of a side, so a click is answered only by the side it fell on. */
export const SWIPE_SIDE_PROPERTY = 'swipeSide';

/** Whether a layer shows at `pixelX` of a map `width` wide: outside the swipe, or on its side. */
export function showsAt(layer: BaseLayer, pixelX: number, width: number, position: number): boolean {
  const side: unknown = layer.get(SWIPE_SIDE_PROPERTY);
  if (side === 'left') return pixelX <= width * position;
  if (side === 'right') return pixelX >= width * position;
  return true;
}

function leaves(layer: BaseLayer): Layer[] {
  return layer instanceof LayerGroup ? layer.getLayersArray() : [layer as Layer];
}

/**
 * Keeps `layer` (or every layer of a group) to its side of the divider; `position` is read on each frame
 * (0..1 of the map's width). Returns the function that removes the clipping.
 */
export function clipToSide(layer: BaseLayer, side: SwipeSide, position: () => number): () => void {
  for (const leaf of leaves(layer)) leaf.set(SWIPE_SIDE_PROPERTY, side);
  const keys = leaves(layer).flatMap((leaf) => [
    leaf.on('prerender', (event: RenderEvent) => {
      const context = event.context as CanvasRenderingContext2D | null;
      const size = event.frameState?.size;
      if (!context || !size) return;
      const [width, height] = size as [number, number];
      const divider = width * position();
      const [fromX, toX] = side === 'left' ? [0, divider] : [divider, width];
      const corners = [
        getRenderPixel(event, [fromX, 0]),
        getRenderPixel(event, [toX, 0]),
        getRenderPixel(event, [toX, height]),
        getRenderPixel(event, [fromX, height]),
      ];
      context.save();
      context.beginPath();
      corners.forEach(([x, y], index) =>
        index === 0 ? context.moveTo(x ?? 0, y ?? 0) : context.lineTo(x ?? 0, y ?? 0),
      );
      context.closePath();
      context.clip();
    }),
    leaf.on('postrender', (event: RenderEvent) => {
      (event.context as CanvasRenderingContext2D | null)?.restore();
    }),
  ]);
  return () => unByKey(keys);
}
