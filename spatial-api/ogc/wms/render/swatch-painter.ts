// Draws one legend swatch: the rule's symbolizers applied by the map painter itself to a small polygon,
// line or point that fills the swatch box, so the legend always matches the map.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { PixelFeature } from './feature-query';
import { LayerPainter } from './style-painter';
import type { PaintRule } from './style-rules';

export function paintSwatch(
  ctx: SKRSContext2D,
  rule: PaintRule,
  geometryType: string,
  box: { x: number; y: number; width: number; height: number },
): void {
  const { x, y, width, height } = box;
  const inset = 1;
  const feature: PixelFeature = {
    shape: { polygons: [], lines: [], points: [], bbox: [x, y, x + width, y + height] },
    labelAt: null,
    values: [],
  };
  if (/Point/i.test(geometryType)) {
    feature.shape.points.push(x + width / 2, y + height / 2);
  } else if (/Line/i.test(geometryType)) {
    feature.shape.lines.push(
      Float64Array.from([
        x + inset,
        y + height - inset,
        x + width / 2,
        y + height / 3,
        x + width - inset,
        y + inset,
      ]),
    );
  } else {
    const [l, t, r, b] = [x + inset, y + inset, x + width - inset, y + height - inset];
    feature.shape.polygons.push([Float64Array.from([l, t, r, t, r, b, l, b, l, t])]);
    feature.labelAt = [x + width / 2, y + height / 2];
  }
  const always: PaintRule = {
    ...rule,
    matches: () => true,
    elseRule: false,
    minScale: 0,
    maxScale: Infinity,
  };
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.clip();
  const painter = new LayerPainter(
    { name: rule.name, rules: [always], properties: [], filterProperties: [], needsLabelPoints: true },
    1,
    {
      width: Math.ceil(x + width),
      height: Math.ceil(y + height),
    },
  );
  painter.add(feature);
  painter.paint(ctx, []);
  ctx.restore();
}

/** The swatch of an imagery layer: a small landscape-coloured gradient. */
export function paintImagerySwatch(
  ctx: SKRSContext2D,
  box: { x: number; y: number; width: number; height: number },
): void {
  const gradient = ctx.createLinearGradient(box.x, box.y, box.x + box.width, box.y + box.height);
  gradient.addColorStop(0, '#6B8E4E');
  gradient.addColorStop(0.5, '#C8B98A');
  gradient.addColorStop(1, '#7A8C9E');
  ctx.fillStyle = gradient;
  ctx.fillRect(box.x, box.y, box.width, box.height);
}
