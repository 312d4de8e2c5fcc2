// What a vector layer is drawn with, settled before its rows are read (plain data, so a render thread can
// be handed it), and the painter that draws it from the rows.
import type { FeatureRowSink } from './feature-decoder';
import { featureDecoder } from './feature-decoder';
import { pixelTransform, type MapFrame } from './feature-query';
import { LayerPainter } from './style-painter';
import { compileStyle, type StyleSource } from './style-rules';

export interface VectorPlan {
  style: StyleSource;
  /** the rows are generalised groups, each a collection of features */
  members: boolean;
  frame: MapFrame;
  /** the map's scale denominator, which picks the style's rules */
  scale: number;
}

/** A painter for the plan and the sink its rows go to. */
export function planPainter(plan: VectorPlan): { painter: LayerPainter; sink: FeatureRowSink } {
  const painter = new LayerPainter(compileStyle(plan.style), plan.scale, plan.frame);
  const sink = featureDecoder(
    pixelTransform(plan.frame),
    plan.members,
    (feature) => painter.add(feature),
    (x, y, area, count, values) => painter.addSplat(x, y, area, count, values),
  );
  return { painter, sink };
}
