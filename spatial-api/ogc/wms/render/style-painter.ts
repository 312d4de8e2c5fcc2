// Paints a layer's pixel-space features as they stream in: one path per rule and role (fill, outline,
// line), polygons under a pixel splatted, marks on top, labels handed to the label placer.
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { PixelFeature } from './feature-query';
import type { LabelCandidate } from './label-placer';
import { addMark } from './mark-shapes';
import { PathText } from './path-text';
import { addLines, addPolygons, polygonArea } from './pixel-paths';
import type { PaintRule, PaintStyle, StrokeSpec } from './style-rules';
import { SubPixelSplat } from './sub-pixel-splat';
import { shapeSize } from './twkb';

function stroke(ctx: SKRSContext2D, path: Path2D, spec: StrokeSpec): void {
  ctx.strokeStyle = spec.color;
  ctx.lineWidth = spec.width;
  ctx.lineCap = spec.cap;
  ctx.lineJoin = spec.join;
  ctx.setLineDash(spec.dash ?? []);
  ctx.stroke(path);
}

/** Filled polygons smaller than this (pixels) get no outline: the outline would hide the fill. */
const MIN_OUTLINED_PX = 3;
/** Filled polygons smaller than this (pixels) are splatted rather than drawn as paths. */
const MAX_SPLAT_PX = 1;
/** Larger images draw tiny polygons as paths: the splat buffers (20 bytes a pixel) would be too big. */
const MAX_SPLAT_IMAGE_PX = 2048 * 2048;

/** A square polygon of `area` square pixels centred on (x, y). */
function squareFeature(x: number, y: number, area: number, values: (string | null)[]): PixelFeature {
  const h = Math.sqrt(area) / 2;
  return {
    shape: {
      polygons: [[[x - h, y - h, x + h, y - h, x + h, y + h, x - h, y + h, x - h, y - h]]],
      lines: [],
      points: [],
      bbox: [x - h, y - h, x + h, y + h],
    },
    labelAt: null,
    values,
  };
}

/** Whether a rule places marks or labels (at points of each feature). */
const placesPoints = (rule: PaintRule) =>
  rule.symbolizers.some((x) => x.kind === 'Mark' || x.kind === 'Text');

/** What one rule draws, gathered feature by feature. */
class RuleBatch {
  readonly hasFill: boolean;
  readonly needsOutlined: boolean;
  readonly needsRings: boolean;
  readonly needsPoints: boolean;
  /** filled polygons large enough to draw as paths */
  readonly filled = new PathText();
  /** filled polygons large enough to outline */
  readonly outlined = new PathText();
  /** every polygon, for outlines without a fill and for line symbolizers */
  readonly rings = new PathText();
  readonly lines = new PathText();
  /** features with marks or labels */
  readonly anchored: PixelFeature[] = [];
  empty = true;
  private readonly built = new Map<PathText, Path2D>();

  constructor(readonly rule: PaintRule) {
    const s = rule.symbolizers;
    this.hasFill = s.some((x) => x.kind === 'Fill' && x.fill !== null);
    this.needsOutlined = s.some((x) => x.kind === 'Fill' && x.fill !== null && x.outline !== null);
    this.needsRings = s.some(
      (x) => (x.kind === 'Fill' && x.fill === null && x.outline !== null) || x.kind === 'Line',
    );
    this.needsPoints = placesPoints(rule);
  }

  /** Adds a feature; true when it is a filled polygon smaller than a pixel, to be splatted instead. */
  add(f: PixelFeature, splat: boolean): boolean {
    this.empty = false;
    const { polygons, lines } = f.shape;
    if (lines.length > 0) addLines(this.lines, lines);
    if (this.needsPoints) this.anchored.push(f);
    if (polygons.length === 0) return false;
    if (this.needsRings) addPolygons(this.rings, polygons);
    if (!this.hasFill) return false;
    const size = shapeSize(f.shape);
    if (splat && size < MAX_SPLAT_PX && lines.length === 0) return true;
    const start = this.filled.mark;
    addPolygons(this.filled, polygons);
    if (this.needsOutlined && size >= MIN_OUTLINED_PX) this.outlined.copyFrom(this.filled, start);
    return false;
  }

  /** The canvas path of one of the builders above, made once. */
  path(text: PathText): Path2D {
    let path = this.built.get(text);
    if (!path) {
      path = text.toPath2D();
      this.built.set(text, path);
    }
    return path;
  }
}

/** The rules of a style that draw something at this scale denominator. */
export function rulesAtScale(style: PaintStyle, scaleDenominator: number): PaintRule[] {
  return style.rules.filter(
    (r) => scaleDenominator >= r.minScale && scaleDenominator < r.maxScale && r.symbolizers.length > 0,
  );
}

/** Whether any of those rules places marks or labels (at points of each feature). */
export function needsPointsAt(rules: PaintRule[]): boolean {
  return rules.some(placesPoints);
}

export class LayerPainter {
  private readonly regular: RuleBatch[];
  private readonly otherwise: RuleBatch[];
  private readonly batches: RuleBatch[];
  private splat: SubPixelSplat | undefined;
  private readonly splatAllowed: boolean;
  private lastValues: (string | null)[] | undefined;
  private lastMatched: RuleBatch[] = [];

  constructor(
    style: PaintStyle,
    scaleDenominator: number,
    private readonly size: { width: number; height: number },
  ) {
    this.batches = rulesAtScale(style, scaleDenominator).map((r) => new RuleBatch(r));
    this.regular = this.batches.filter((b) => !b.rule.elseRule);
    this.otherwise = this.batches.filter((b) => b.rule.elseRule);
    this.splatAllowed = size.width * size.height <= MAX_SPLAT_IMAGE_PX;
  }

  add(feature: PixelFeature): void {
    for (const batch of this.batchesFor(feature.values)) {
      if (batch.add(feature, this.splatAllowed)) this.splatFeature(batch.rule, feature);
    }
  }

  /**
   * `count` polygons smaller than a pixel known only by their centre and their area in square pixels (a
   * generalised group's splat, generalise-band.sql): splatted as the polygons would be, each covering its
   * share of the area; where a rule outlines them, or the map is too large to splat, drawn as the square
   * of that area.
   */
  addSplat(x: number, y: number, area: number, count: number, values: (string | null)[]): void {
    let square: PixelFeature | undefined;
    for (const batch of this.batchesFor(values)) {
      if (this.splatAllowed && batch.hasFill && !batch.needsRings) {
        batch.empty = false;
        this.splatAt(batch.rule, x, y, Math.min(1, area / count), count);
        continue;
      }
      square ??= squareFeature(x, y, area, values);
      if (batch.add(square, this.splatAllowed)) this.splatFeature(batch.rule, square);
    }
  }

  /**
   * The batches whose rules match these values (the else rules when none does). The features of a
   * generalised group share one values array, so its rules are matched once for the whole group.
   */
  private batchesFor(values: (string | null)[]): RuleBatch[] {
    if (values === this.lastValues) return this.lastMatched;
    const matched = this.regular.filter((batch) => batch.rule.matches(values));
    this.lastValues = values;
    this.lastMatched = matched.length > 0 ? matched : this.otherwise;
    return this.lastMatched;
  }

  private splatFeature(rule: PaintRule, f: PixelFeature): void {
    const [minX, minY, maxX, maxY] = f.shape.bbox;
    this.splatAt(rule, (minX + maxX) / 2, (minY + maxY) / 2, Math.min(1, polygonArea(f.shape.polygons)));
  }

  private splatAt(rule: PaintRule, x: number, y: number, coverage: number, count = 1): void {
    this.splat ??= new SubPixelSplat(this.size.width, this.size.height);
    for (const s of rule.symbolizers) {
      if (s.kind === 'Fill' && s.fillRgba !== null) this.splat.add(x, y, s.fillRgba, coverage, count);
    }
  }

  paint(ctx: SKRSContext2D, labels: LabelCandidate[]): void {
    const batches = this.batches.filter((b) => !b.empty);
    this.splat?.drawOn(ctx);
    for (const b of batches) {
      for (const s of b.rule.symbolizers) {
        if (s.kind !== 'Fill' || s.fill === null) continue;
        ctx.fillStyle = s.fill;
        ctx.fill(b.path(b.filled), 'nonzero');
      }
    }
    for (const b of batches) {
      for (const s of b.rule.symbolizers) {
        if (s.kind === 'Fill' && s.outline)
          stroke(ctx, b.path(s.fill === null ? b.rings : b.outlined), s.outline);
        if (s.kind === 'Line') {
          stroke(ctx, b.path(b.lines), s.stroke);
          stroke(ctx, b.path(b.rings), s.stroke);
        }
      }
    }
    for (const b of batches) {
      for (const s of b.rule.symbolizers) {
        if (s.kind === 'Mark') {
          const path = new Path2D();
          for (const f of b.anchored) {
            const pts = f.shape.points;
            for (let i = 0; i < pts.length; i += 2) addMark(path, s, pts[i]!, pts[i + 1]!);
            if (pts.length === 0 && f.labelAt) addMark(path, s, f.labelAt[0], f.labelAt[1]);
          }
          if (s.fill) {
            ctx.fillStyle = s.fill;
            ctx.fill(path);
          }
          if (s.stroke) stroke(ctx, path, s.stroke);
        }
        if (s.kind === 'Text') {
          for (const f of b.anchored) {
            const at = f.shape.points.length >= 2 ? [f.shape.points[0]!, f.shape.points[1]!] : f.labelAt;
            const text = s.text(f.values).trim();
            if (at && text !== '')
              labels.push({ x: at[0]! + s.offset[0], y: at[1]! + s.offset[1], text, paint: s });
          }
        }
      }
    }
    ctx.setLineDash([]);
  }
}
