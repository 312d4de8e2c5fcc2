// The painter fills many polygons as one path without losing holes or cancelling neighbours, splats
// polygons smaller than a pixel, strokes outlines, and draws Chinese labels with the CJK font.
import { createCanvas } from '@napi-rs/canvas';
import type { PixelFeature } from '../../../spatial-api/ogc/wms/render/feature-query';
import { placeLabels, type LabelCandidate } from '../../../spatial-api/ogc/wms/render/label-placer';
import { LayerPainter } from '../../../spatial-api/ogc/wms/render/style-painter';
import { compileStyle } from '../../../spatial-api/ogc/wms/render/style-rules';

const SIZE = 40;

const square = (x: number, y: number, side: number, clockwise: boolean): Float64Array => {
  const corners = [x, y, x + side, y, x + side, y + side, x, y + side];
  const ordered = clockwise ? corners : [x, y, x, y + side, x + side, y + side, x + side, y];
  return Float64Array.from([...ordered, x, y]);
};

function polygonFeature(rings: Float64Array[], values: string[] = []): PixelFeature {
  const xs = rings.flatMap((r) => Array.from(r).filter((_, i) => i % 2 === 0));
  const ys = rings.flatMap((r) => Array.from(r).filter((_, i) => i % 2 === 1));
  return {
    shape: {
      polygons: [rings],
      lines: [],
      points: [],
      bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    },
    labelAt: null,
    values,
  };
}

function paint(style: unknown, features: PixelFeature[]) {
  const canvas = createCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d');
  const painter = new LayerPainter(
    compileStyle({ style, layerName: '图层', geometryType: 'Polygon', attributes: ['code'] }),
    1000,
    {
      width: SIZE,
      height: SIZE,
    },
  );
  features.forEach((f) => painter.add(f));
  painter.paint(ctx, []);
  const { data } = ctx.getImageData(0, 0, SIZE, SIZE);
  return (x: number, y: number) => Array.from(data.subarray((y * SIZE + x) * 4, (y * SIZE + x) * 4 + 4));
}

const red = {
  name: 'red',
  rules: [{ name: 'red', symbolizers: [{ kind: 'Fill', color: '#FF0000', fillOpacity: 1 }] }],
};

describe('style painter', () => {
  it('keeps a hole open whichever way its rings turn', () => {
    for (const [outer, hole] of [
      [true, true],
      [true, false],
      [false, false],
    ]) {
      const at = paint(red, [polygonFeature([square(5, 5, 30, outer!), square(15, 15, 10, hole!)])]);
      expect(at(8, 8)).toEqual([255, 0, 0, 255]);
      expect(at(20, 20)[3]).toBe(0);
    }
  });

  it('fills neighbours drawn in opposite directions without cancelling them', () => {
    const at = paint(red, [
      polygonFeature([square(0, 0, 20, true)]),
      polygonFeature([square(10, 10, 20, false)]),
    ]);
    expect(at(15, 15)).toEqual([255, 0, 0, 255]); // the overlap
    expect(at(5, 5)).toEqual([255, 0, 0, 255]);
    expect(at(25, 25)).toEqual([255, 0, 0, 255]);
  });

  it('applies only the rules whose filter matches', () => {
    const style = {
      name: 's',
      rules: [
        {
          name: 'a',
          filter: ['==', 'code', 'A'],
          symbolizers: [{ kind: 'Fill', color: '#0000FF', fillOpacity: 1 }],
        },
        {
          name: 'b',
          filter: ['==', 'code', 'B'],
          symbolizers: [{ kind: 'Fill', color: '#00FF00', fillOpacity: 1 }],
        },
      ],
    };
    const at = paint(style, [
      polygonFeature([square(0, 0, 10, true)], ['A']),
      polygonFeature([square(20, 20, 10, true)], ['B']),
    ]);
    expect(at(5, 5)).toEqual([0, 0, 255, 255]);
    expect(at(25, 25)).toEqual([0, 255, 0, 255]);
  });

  it('splats a polygon smaller than a pixel as a faint dot of its colour', () => {
    const at = paint(red, [
      polygonFeature([Float64Array.from([20.1, 20.1, 20.6, 20.1, 20.6, 20.6, 20.1, 20.6, 20.1, 20.1])]),
    ]);
    const [r, g, b, a] = at(20, 20);
    expect([r, g, b]).toEqual([255, 0, 0]);
    expect(a).toBeGreaterThan(20);
    expect(a).toBeLessThan(128);
  });

  it('splats the same pixels whatever order tiny polygons of several colours arrive in', () => {
    const style = {
      name: 's',
      rules: [
        {
          name: 'a',
          filter: ['==', 'code', 'A'],
          symbolizers: [{ kind: 'Fill', color: '#0000FF', fillOpacity: 0.8 }],
        },
        {
          name: 'b',
          filter: ['==', 'code', 'B'],
          symbolizers: [{ kind: 'Fill', color: '#00FF00', fillOpacity: 1 }],
        },
      ],
    };
    const tiny = (x: number, y: number, code: string) =>
      polygonFeature([Float64Array.from([x, y, x + 0.6, y, x + 0.6, y + 0.6, x, y + 0.6, x, y])], [code]);
    const features = [
      tiny(20.1, 20.1, 'A'),
      tiny(20.3, 20.2, 'B'),
      tiny(20.2, 20.4, 'A'),
      tiny(21.1, 20.2, 'B'),
    ];
    const forwards = paint(style, features);
    const backwards = paint(style, [...features].reverse());
    for (const [x, y] of [
      [20, 20],
      [21, 20],
      [20, 21],
      [21, 21],
    ]) {
      expect(backwards(x!, y!)).toEqual(forwards(x!, y!));
    }
    // blue and green mixed by coverage, more opaque than either one alone
    const [r, g, b, a] = forwards(20, 20);
    expect(r).toBe(0);
    expect(g).toBeGreaterThan(60);
    expect(b).toBeGreaterThan(60);
    expect(a).toBeGreaterThan(paint(style, [features[0]!])(20, 20)[3]!);
  });

  it('strokes a dashed outline without a fill', () => {
    const outline = (dash?: number[]) => ({
      name: 's',
      rules: [
        {
          name: 'o',
          symbolizers: [{ kind: 'Fill', outlineColor: '#000000', outlineWidth: 2, outlineDasharray: dash }],
        },
      ],
    });
    /** The opacity of the top edge (y = 10) from x = 12 to 28, away from the corners. */
    const topEdge = (at: (x: number, y: number) => number[]) =>
      Array.from({ length: 17 }, (_, i) => at(12 + i, 10)[3]!);
    const dashed = paint(outline([4, 4]), [polygonFeature([square(10, 10, 20, true)])]);
    const edge = topEdge(dashed);
    // dashes of 4 px and gaps of 4 px: both inked and empty stretches along the edge
    expect(edge.filter((a) => a > 200).length).toBeGreaterThanOrEqual(6);
    expect(edge.filter((a) => a < 30).length).toBeGreaterThanOrEqual(6);
    expect(dashed(20, 20)[3]).toBe(0); // no fill
    // the same outline without a dash array is one unbroken line
    const solid = topEdge(paint(outline(), [polygonFeature([square(10, 10, 20, true)])]));
    expect(solid.every((a) => a > 200)).toBe(true);
  });
});

describe('marks', () => {
  it('draws a mark at each point and at the label point of a polygon', () => {
    const canvas = createCanvas(SIZE, SIZE);
    const ctx = canvas.getContext('2d');
    const style = compileStyle({
      style: {
        name: 's',
        rules: [
          {
            name: 'm',
            symbolizers: [{ kind: 'Mark', wellKnownName: 'square', radius: 3, color: '#0000FF' }],
          },
        ],
      },
      layerName: '图层',
      geometryType: 'MultiPolygon',
      attributes: [],
    });
    expect(style.needsLabelPoints).toBe(true);
    const painter = new LayerPainter(style, 1000, { width: SIZE, height: SIZE });
    painter.add({
      shape: { polygons: [], lines: [], points: [10, 10], bbox: [10, 10, 10, 10] },
      labelAt: null,
      values: [],
    });
    painter.add({ ...polygonFeature([square(20, 20, 10, true)]), labelAt: [30, 30] });
    painter.paint(ctx, []);
    const at = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data);
    expect(at(10, 10)).toEqual([0, 0, 255, 255]);
    expect(at(30, 30)).toEqual([0, 0, 255, 255]);
    expect(at(20, 10)[3]).toBe(0);
  });
});

describe('label placer', () => {
  it('draws Chinese labels and skips one that would overlap', () => {
    const style = compileStyle({
      style: {
        name: 's',
        rules: [
          { name: 't', symbolizers: [{ kind: 'Text', label: '{{name}}', size: 16, color: '#000000' }] },
        ],
      },
      layerName: '图层',
      geometryType: 'Point',
      attributes: ['name'],
    });
    const paint = style.rules[0]!.symbolizers[0]!;
    if (paint.kind !== 'Text') throw new Error('expected a text symbolizer');
    const draw = (candidates: LabelCandidate[]) => {
      const canvas = createCanvas(120, 40);
      placeLabels(canvas.getContext('2d'), candidates, 120, 40);
      return canvas.getContext('2d').getImageData(0, 0, 120, 40).data;
    };
    const inked = (data: Uint8ClampedArray) => {
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 128) n++;
      return n;
    };
    const first: LabelCandidate = { x: 60, y: 20, text: '生态保护红线', paint };
    const overlapping: LabelCandidate = { x: 62, y: 22, text: '重叠', paint };
    const both = draw([first, overlapping]);
    const firstOnly = draw([first]);
    expect(inked(firstOnly)).toBeGreaterThan(100); // six CJK glyphs, not tofu boxes or nothing
    // the second label alone would ink pixels the first does not
    const secondOnly = draw([overlapping]);
    expect(secondOnly.some((a, i) => i % 4 === 3 && a > 128 && firstOnly[i]! === 0)).toBe(true);
    // with both, the map is exactly the first label: the overlapping one was skipped
    expect(Buffer.from(both).equals(Buffer.from(firstOnly))).toBe(true);
  });
});
