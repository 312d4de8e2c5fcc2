// The TWKB decoder reads what PostGIS's ST_AsTWKB writes (fixtures below produced by PostGIS 3.3), moves
// it to pixels and drops vertices closer than the tolerance, but never the area of a tiny ring.
import {
  decodeTwkb,
  decodeTwkbMembers,
  inverseWebMercator,
  shapeSize,
  webMercatorX,
  webMercatorY,
  type DecodedShape,
} from '../../../spatial-api/ogc/wms/render/twkb';

const hex = (h: string) => Buffer.from(h, 'hex');
const fail = () => {
  throw new Error('a member where splats were expected');
};
const IDENTITY_TRANSFORM = { scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, tolerance: 0 };
const list = (a: ArrayLike<number>) => Array.from(a, (v) => Number(v.toFixed(6)));

describe('TWKB decoder', () => {
  it('reads a point with two decimal digits', () => {
    // ST_AsTWKB('POINT(1.5 -2.25)', 2)
    expect(decodeTwkb(hex('4100ac02c103')).points).toEqual([1.5, -2.25]);
  });

  it('reads a line string, deltas and all', () => {
    // ST_AsTWKB('LINESTRING(0 0, 10 0, 10 10, 10.2 10.1, 20 10)', 1)
    const shape = decodeTwkb(hex('2200050000c8010000c8010402c40101'));
    expect(shape.lines.map(list)).toEqual([[0, 0, 10, 0, 10, 10, 10.2, 10.1, 20, 10]]);
  });

  it('reads a multipolygon with a hole, deltas running on across parts', () => {
    // ST_AsTWKB('MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2)),((20 20,30 20,30 30,20 20)))', 0)
    const shape = decodeTwkb(hex('060002020500001400001413000013050404000404000003030001042424140000141313'));
    expect(shape.polygons).toHaveLength(2);
    expect(shape.polygons[0]!.map(list)).toEqual([
      [0, 0, 10, 0, 10, 10, 0, 10, 0, 0],
      [2, 2, 2, 4, 4, 4, 4, 2, 2, 2],
    ]);
    expect(shape.polygons[1]!.map(list)).toEqual([[20, 20, 30, 20, 30, 30, 20, 20]]);
    expect(shape.bbox).toEqual([0, 0, 30, 30]);
    expect(shapeSize(shape)).toBe(30);
  });

  it('reads a geometry collection part by part', () => {
    // ST_AsTWKB('GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(3 4, 5 6))', 0)
    const shape = decodeTwkb(hex('0700020100020402000206080404'));
    expect(shape.points).toEqual([1, 2]);
    expect(shape.lines.map(list)).toEqual([[3, 4, 5, 6]]);
  });

  it('splits a multipolygon into its polygons, each with its own bounding box', () => {
    const members: DecodedShape[] = [];
    const multipolygon = '060002020500001400001413000013050404000404000003030001042424140000141313';
    decodeTwkbMembers(hex(multipolygon), IDENTITY_TRANSFORM, (shape) => members.push(shape));
    expect(members).toHaveLength(2);
    expect(members[0]!.polygons[0]!.map(list)).toEqual([
      [0, 0, 10, 0, 10, 10, 0, 10, 0, 0],
      [2, 2, 2, 4, 4, 4, 4, 2, 2, 2],
    ]);
    expect(members[0]!.bbox).toEqual([0, 0, 10, 10]);
    expect(members[1]!.polygons[0]!.map(list)).toEqual([[20, 20, 30, 20, 30, 30, 20, 20]]);
    expect(members[1]!.bbox).toEqual([20, 20, 30, 30]);
  });

  it('splits a collection into its geometries and reads a single geometry as one member', () => {
    const members: DecodedShape[] = [];
    decodeTwkbMembers(hex('0700020100020402000206080404'), IDENTITY_TRANSFORM, (shape) =>
      members.push(shape),
    );
    expect(members.map((m) => [m.points, m.lines.map(list), m.bbox])).toEqual([
      [[1, 2], [], [1, 2, 1, 2]],
      [[], [[3, 4, 5, 6]], [3, 4, 5, 6]],
    ]);
    const single: DecodedShape[] = [];
    decodeTwkbMembers(hex('4100ac02c103'), IDENTITY_TRANSFORM, (shape) => single.push(shape));
    expect(single.map((m) => m.points)).toEqual([[1.5, -2.25]]);
  });

  it('reads an empty geometry as nothing', () => {
    expect(decodeTwkb(hex('0310'))).toEqual({
      polygons: [],
      lines: [],
      points: [],
      bbox: [Infinity, Infinity, -Infinity, -Infinity],
    });
  });

  it('honours negative precision (tens)', () => {
    // ST_AsTWKB('POINT(1234 5678)', -1)
    expect(decodeTwkb(hex('1100f601f008')).points).toEqual([1230, 5680]);
  });

  it('moves coordinates to pixels with y down', () => {
    // map x 0..10 → 0..100 px; map y 0..10 → 100..0 px
    const shape = decodeTwkb(hex('2200050000c8010000c8010402c40101'), {
      scaleX: 10,
      offsetX: 0,
      scaleY: -10,
      offsetY: 100,
      tolerance: 0,
    });
    expect(list(shape.lines[0]!)).toEqual([0, 100, 100, 100, 100, 0, 102, -1, 200, 0]);
  });

  it('drops vertices closer than the tolerance to the last one kept, keeping the last', () => {
    const shape = decodeTwkb(hex('2200050000c8010000c8010402c40101'), {
      scaleX: 1,
      offsetX: 0,
      scaleY: 1,
      offsetY: 0,
      tolerance: 0.5,
    });
    expect(list(shape.lines[0]!)).toEqual([0, 0, 10, 0, 10, 10, 20, 10]);
  });

  it('keeps every vertex of a ring smaller than the tolerance, so tiny parcels keep their area', () => {
    // ST_AsTWKB('POLYGON((0 0, 0.2 0, 0.2 0.2, 0 0.2, 0 0))', 1)
    const shape = decodeTwkb(hex('2300010500000400000403000003'), {
      scaleX: 1,
      offsetX: 0,
      scaleY: 1,
      offsetY: 0,
      tolerance: 0.5,
    });
    expect(list(shape.polygons[0]![0]!)).toEqual([0, 0, 0.2, 0, 0.2, 0.2, 0, 0.2, 0, 0]);
  });

  it('refuses a truncated geometry', () => {
    expect(() => decodeTwkb(hex('220005'))).toThrow(RangeError);
  });
});

describe('Web Mercator in the decoder', () => {
  it('projects as PostGIS does (ST_Transform of POINT(87.6 43.8) from EPSG:4490 to 3857)', () => {
    expect(webMercatorX(87.6)).toBeCloseTo(9751587.393490763, 6);
    expect(webMercatorY(43.8)).toBeCloseTo(5434543.708480057, 6);
    const [lon, lat] = inverseWebMercator(9751587.393490763, 5434543.708480057);
    expect(lon).toBeCloseTo(87.6, 10);
    expect(lat).toBeCloseTo(43.8, 10);
  });

  it('projects lon/lat TWKB to Web Mercator pixels', () => {
    // ST_AsTWKB('POINT(1.5 -2.25)', 2), drawn in a 1-pixel-per-metre frame with its origin at the point
    const shape = decodeTwkb(hex('4100ac02c103'), {
      webMercator: true,
      scaleX: 1,
      offsetX: -webMercatorX(1.5),
      scaleY: -1,
      offsetY: webMercatorY(-2.25),
      tolerance: 0,
    });
    expect(shape.points[0]).toBeCloseTo(0, 6);
    expect(shape.points[1]).toBeCloseTo(0, 6);
  });

  it('hands a generalised group of features under a pixel (MultiPoint Z, Z the area) on as splats', () => {
    // ST_AsTWKB('SRID=4490;MULTIPOINT Z ((87.5 43.8 250), (87.501 43.8005 1200))', 5): Z in 10⁻⁹ square
    // degrees, delta-coded like x and y
    const bytes = hex('a4080102e08eac08c0d59604f403c80164ec0e');
    const plain: [number, number, number, number][] = [];
    decodeTwkbMembers(
      bytes,
      { scaleX: 10, offsetX: 0, scaleY: -20, offsetY: 0, tolerance: 0 },
      fail,
      (...s) => plain.push(s),
    );
    expect(plain).toHaveLength(2);
    expect(plain[0]![0]).toBeCloseTo(875, 9);
    expect(plain[0]![1]).toBeCloseTo(-876, 9);
    expect(plain[0]![2]).toBeCloseTo(250e-9 * 200, 15);
    expect(plain[1]![2]).toBeCloseTo(1200e-9 * 200, 15);
    // no M: each point is one feature
    expect(plain.map((splat) => splat[3])).toEqual([1, 1]);
    // on Web Mercator a square degree is (πR/180)² m² at the equator, 1/cos φ more in y at latitude φ
    const mercator: [number, number, number, number][] = [];
    decodeTwkbMembers(
      bytes,
      { webMercator: true, scaleX: 1, offsetX: 0, scaleY: -1, offsetY: 0, tolerance: 0 },
      fail,
      (...s) => mercator.push(s),
    );
    const degree = (6378137 * Math.PI) / 180;
    expect(mercator[0]![0]).toBeCloseTo(webMercatorX(87.5), 6);
    expect(mercator[0]![2] / ((250e-9 * degree ** 2) / Math.cos((43.8 * Math.PI) / 180))).toBeCloseTo(1, 9);
  });

  it('reads merged splats (MultiPoint ZM): Z their area, M how many features each stands for', () => {
    // ST_AsTWKB('SRID=4490;MULTIPOINT ZM ((87.5 43.8 250 3), (87.501 43.8005 1200 40))', 5): M delta-coded too
    const splats: [number, number, number, number][] = [];
    decodeTwkbMembers(
      hex('a4080302e08eac08c0d59604f40306c80164ec0e4a'),
      { scaleX: 10, offsetX: 0, scaleY: -20, offsetY: 0, tolerance: 0 },
      fail,
      (...s) => splats.push(s),
    );
    expect(splats).toHaveLength(2);
    expect(splats[0]![0]).toBeCloseTo(875, 9);
    expect(splats[1]![1]).toBeCloseTo(-876.01, 9);
    expect(splats[0]![2]).toBeCloseTo(250e-9 * 200, 15);
    expect(splats[1]![2]).toBeCloseTo(1200e-9 * 200, 15);
    expect(splats.map((splat) => splat[3])).toEqual([3, 40]);
  });
});
