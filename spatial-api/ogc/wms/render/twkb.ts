// Decodes TWKB (PostGIS ST_AsTWKB) straight into pixels, projecting lon/lat to Web Mercator when asked and
// dropping vertices closer than a tolerance; one decoder and scratch buffer serve half a million features.
import { MercatorSeries } from './mercator-series';

/** A flat [x0, y0, x1, y1, …] list of vertices. */
export type Coordinates = ArrayLike<number>;

export interface DecodedShape {
  /** polygons as rings, the first the outer one */
  polygons: Coordinates[][];
  lines: Coordinates[];
  /** points as a flat [x0, y0, x1, y1, …] list */
  points: number[];
  /** bounding box in output units: minX, minY, maxX, maxY */
  bbox: [number, number, number, number];
}

/**
 * output = (x * scaleX + offsetX, y * scaleY + offsetY); a negative scaleY turns y downwards. With
 * `webMercator`, longitude / latitude input is first projected to EPSG:3857 metres.
 */
export interface PixelTransform {
  webMercator?: boolean;
  scaleX: number;
  offsetX: number;
  scaleY: number;
  offsetY: number;
  /** vertices closer than this (in output units, along both axes) to the previous one are dropped */
  tolerance: number;
}

const IDENTITY: PixelTransform = { scaleX: 1, offsetX: 0, scaleY: 1, offsetY: 0, tolerance: 0 };

/** EPSG:3857 radius; latitudes beyond the projection's limit are held at it. */
const EARTH_RADIUS_M = 6378137;
const MAX_MERCATOR_LAT = 85.0511287798;

export function webMercatorX(lon: number): number {
  return (lon * Math.PI * EARTH_RADIUS_M) / 180;
}

export function webMercatorY(lat: number): number {
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  return EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
}

export function inverseWebMercator(x: number, y: number): [number, number] {
  return [
    (x * 180) / (Math.PI * EARTH_RADIUS_M),
    (Math.atan(Math.exp(y / EARTH_RADIUS_M)) * 360) / Math.PI - 90,
  ];
}

/**
 * A copy of part of the scratch buffer as a plain array: half a million small typed arrays (a backing
 * store each) cost several times the decoding itself.
 */
function copyOf(from: Float64Array, start: number, end: number): number[] {
  const copy: number[] = [];
  for (let i = start; i < end; i++) copy.push(from[i]!);
  return copy;
}

/**
 * Where the splats of a group of features smaller than a pixel go: the centre of each (output units), the
 * area in square output units, and how many features were merged into it (1 when the points carry no M).
 */
export type SplatSink = (x: number, y: number, area: number, count: number) => void;

const DEGREE = Math.PI / 180;
/** square metres of Web Mercator in a square degree at the equator */
const MERCATOR_DEGREE_AREA = (EARTH_RADIUS_M * DEGREE) ** 2;

/** 10 to the power of a header's precision, by its zig-zag code (0, -1, 1, -2, 2 … up to ±8) */
const SCALES = Array.from(
  { length: 16 },
  (_, zigzag) => 10 ** (zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2),
);

const POINT = 1;
const LINESTRING = 2;
const POLYGON = 3;
const MULTIPOINT = 4;
const MULTILINESTRING = 5;
const MULTIPOLYGON = 6;
const COLLECTION = 7;

type Kind = 'ring' | 'line' | 'points';

class Decoder {
  private bytes: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private t: PixelTransform = IDENTITY;
  private scratch = new Float64Array(1024);
  private readonly mercator = new MercatorSeries(webMercatorY);
  // the delta-coding state: TWKB deltas run on across the parts of one geometry
  private x = 0;
  private y = 0;
  private dims = 2;
  private scale = 1;
  private metadata = 0;
  /** 10 to the power of the Z precision, or 0 when the geometry has no Z */
  private zScale = 0;
  /** the same for M */
  private mScale = 0;
  minX = 0;
  minY = 0;
  maxX = 0;
  maxY = 0;

  reset(bytes: Uint8Array, t: PixelTransform): void {
    this.bytes = bytes;
    this.offset = 0;
    this.t = t;
    this.minX = Infinity;
    this.minY = Infinity;
    this.maxX = -Infinity;
    this.maxY = -Infinity;
  }

  private byte(): number {
    const value = this.bytes[this.offset++];
    if (value === undefined) throw new RangeError('TWKB ends early');
    return value;
  }

  private unsigned(): number {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  }

  private signed(): number {
    const value = this.unsigned();
    // zig-zag: 0, -1, 1, -2, 2 … (arithmetic, so values beyond 32 bits stay exact)
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  /**
   * Reads `count` vertices, keeping those that move by at least the tolerance and always the last one.
   * The hottest loop of a map: the varints are read inline, the state kept in locals.
   */
  private coordinates(count: number, kind: Kind): number[] {
    const { scaleX, offsetX, scaleY, offsetY, tolerance, webMercator } = this.t;
    if (this.scratch.length < count * 4) this.scratch = new Float64Array(count * 4);
    const all = this.scratch; // vertices from index 0, those kept from index 2 * count
    const keptAt = count * 2;
    const bytes = this.bytes;
    const end = bytes.length;
    const scale = this.scale;
    const skipped = this.dims - 2;
    const points = kind === 'points';
    let offset = this.offset;
    let tx = this.x;
    let ty = this.y;
    let { minX, minY, maxX, maxY } = this;
    let n = 0;
    let b: number;
    for (let i = 0; i < count; i++) {
      // two zig-zag varints, x then y (arithmetic, so values beyond 32 bits stay exact)
      let value = 0;
      let shift = 1;
      do {
        if (offset >= end) throw new RangeError('TWKB ends early');
        b = bytes[offset++]!;
        value += (b & 0x7f) * shift;
        shift *= 128;
      } while (b >= 0x80);
      tx += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      value = 0;
      shift = 1;
      do {
        if (offset >= end) throw new RangeError('TWKB ends early');
        b = bytes[offset++]!;
        value += (b & 0x7f) * shift;
        shift *= 128;
      } while (b >= 0x80);
      ty += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      for (let d = 0; d < skipped; d++) {
        do {
          if (offset >= end) throw new RangeError('TWKB ends early');
          b = bytes[offset++]!;
        } while (b >= 0x80);
      }
      const mapX = webMercator ? webMercatorX(tx / scale) : tx / scale;
      const mapY = webMercator ? this.mercator.y(ty / scale) : ty / scale;
      const x = mapX * scaleX + offsetX;
      const y = mapY * scaleY + offsetY;
      all[i * 2] = x;
      all[i * 2 + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (
        points ||
        n === 0 ||
        i === count - 1 ||
        Math.abs(x - all[keptAt + n - 2]!) >= tolerance ||
        Math.abs(y - all[keptAt + n - 1]!) >= tolerance
      ) {
        all[keptAt + n++] = x;
        all[keptAt + n++] = y;
      }
    }
    this.offset = offset;
    this.x = tx;
    this.y = ty;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    // a ring that collapses below a triangle keeps all its vertices: tiny features keep their area
    if ((kind === 'ring' && n < 8) || n === keptAt) return copyOf(all, 0, keptAt);
    return copyOf(all, keptAt, keptAt + n);
  }

  private polygon(shape: DecodedShape): void {
    const count = this.unsigned();
    const rings: Coordinates[] = [];
    for (let r = 0; r < count; r++) rings.push(this.coordinates(this.unsigned(), 'ring'));
    if (rings.length > 0) shape.polygons.push(rings);
  }

  private parts(metadata: number): number {
    const count = this.unsigned();
    if (metadata & 0x04) for (let i = 0; i < count; i++) this.signed(); // id list
    return count;
  }

  /** Reads a geometry's header: its type (its metadata kept in `metadata`), or -1 for an empty geometry. */
  private header(): number {
    const header = this.byte();
    const type = header & 0x0f;
    const zigzag = header >> 4;
    const metadata = this.byte();
    this.metadata = metadata;
    this.dims = 2;
    this.zScale = 0;
    this.mScale = 0;
    if (metadata & 0x08) {
      const extended = this.byte();
      this.dims += (extended & 0x01 ? 1 : 0) + (extended & 0x02 ? 1 : 0);
      if (extended & 0x01) this.zScale = 10 ** ((extended >> 2) & 0x07);
      if (extended & 0x02) this.mScale = 10 ** ((extended >> 5) & 0x07);
    }
    if (metadata & 0x02) this.unsigned(); // size of the rest
    if (metadata & 0x01) for (let i = 0; i < this.dims * 2; i++) this.signed(); // bounding box
    if (metadata & 0x10) return -1; // empty
    this.scale = SCALES[zigzag]!;
    this.x = 0;
    this.y = 0;
    return type;
  }

  geometry(shape: DecodedShape): void {
    const type = this.header();
    if (type < 0) return;
    const metadata = this.metadata;
    switch (type) {
      case MULTIPOINT:
        for (const c of this.coordinates(this.parts(metadata), 'points')) shape.points.push(c);
        return;
      case MULTILINESTRING:
        for (let i = this.parts(metadata); i > 0; i--)
          shape.lines.push(this.coordinates(this.unsigned(), 'line'));
        return;
      case MULTIPOLYGON:
        for (let i = this.parts(metadata); i > 0; i--) this.polygon(shape);
        return;
      case COLLECTION:
        for (let i = this.parts(metadata); i > 0; i--) this.geometry(shape);
        return;
      default:
        this.body(type, shape);
    }
  }

  /**
   * Reads a multi-geometry or collection member by member, each a shape of its own with its own bounding
   * box; any other geometry is one member.
   */
  members(onMember: (shape: DecodedShape) => void, onSplat: SplatSink): void {
    const type = this.header();
    if (type < 0) return;
    const metadata = this.metadata;
    if (type === MULTIPOINT && this.zScale > 0) {
      this.splats(this.parts(metadata), onSplat);
      return;
    }
    const multi = type >= MULTIPOINT && type <= COLLECTION;
    const count = multi ? this.parts(metadata) : 1;
    for (let i = 0; i < count; i++) {
      this.minX = this.minY = Infinity;
      this.maxX = this.maxY = -Infinity;
      const shape = emptyShape();
      switch (type) {
        case MULTIPOINT:
          for (const c of this.coordinates(1, 'points')) shape.points.push(c);
          break;
        case MULTILINESTRING:
          shape.lines.push(this.coordinates(this.unsigned(), 'line'));
          break;
        case MULTIPOLYGON:
          this.polygon(shape);
          break;
        case COLLECTION:
          this.geometry(shape);
          break;
        default:
          this.body(type, shape);
      }
      shape.bbox = [this.minX, this.minY, this.maxX, this.maxY];
      onMember(shape);
    }
  }

  /**
   * Reads a generalised group of features smaller than a pixel: points whose Z is their features' area in
   * 10⁻⁹ square units of the input (degrees, or a projected CRS's units) and M, when there is one, how many
   * features they stand for; handed on with the area in square pixels.
   */
  private splats(count: number, onSplat: SplatSink): void {
    const { scaleX, offsetX, scaleY, offsetY, webMercator } = this.t;
    const pixelArea = Math.abs(scaleX * scaleY) * 1e-9;
    const { zScale, mScale } = this;
    // Z and M are delta-coded too, from 0 at the header
    let zDelta = 0;
    let mDelta = 0;
    for (let i = 0; i < count; i++) {
      this.x += this.signed();
      this.y += this.signed();
      zDelta += this.signed();
      if (mScale > 0) mDelta += this.signed();
      const z = zDelta / zScale;
      const members = mScale > 0 ? Math.max(1, Math.round(mDelta / mScale)) : 1;
      const lon = this.x / this.scale;
      const lat = this.y / this.scale;
      const x = (webMercator ? webMercatorX(lon) : lon) * scaleX + offsetX;
      const y = (webMercator ? this.mercator.y(lat) : lat) * scaleY + offsetY;
      // a square degree on Web Mercator: (πR/180)² metres along the equator, stretched by 1/cos φ in y
      const units = webMercator ? MERCATOR_DEGREE_AREA / Math.cos(lat * DEGREE) : 1;
      onSplat(x, y, z * units * pixelArea, members);
    }
  }

  /** The coordinates of a single point, line or polygon after its header. */
  private body(type: number, shape: DecodedShape): void {
    if (type === POINT) for (const c of this.coordinates(1, 'points')) shape.points.push(c);
    else if (type === LINESTRING) shape.lines.push(this.coordinates(this.unsigned(), 'line'));
    else if (type === POLYGON) this.polygon(shape);
    else throw new RangeError(`unknown TWKB geometry type ${type}`);
  }
}

function emptyShape(): DecodedShape {
  return { polygons: [], lines: [], points: [], bbox: [0, 0, 0, 0] };
}

const decoder = new Decoder();

export function decodeTwkb(bytes: Uint8Array, transform: PixelTransform = IDENTITY): DecodedShape {
  decoder.reset(bytes, transform);
  const shape = emptyShape();
  decoder.geometry(shape);
  shape.bbox = [decoder.minX, decoder.minY, decoder.maxX, decoder.maxY];
  return shape;
}

/**
 * Decodes a multi-geometry or collection (a generalised group of features) into one shape per member, in
 * order; a single geometry is one shape. A MultiPoint Z is a group of features smaller than a pixel, each
 * handed to `onSplat` (generalise-band.sql).
 */
export function decodeTwkbMembers(
  bytes: Uint8Array,
  transform: PixelTransform,
  onMember: (shape: DecodedShape) => void,
  onSplat: SplatSink = () => undefined,
): void {
  decoder.reset(bytes, transform);
  decoder.members(onMember, onSplat);
}

/** The larger side of a shape's bounding box. */
export function shapeSize(shape: DecodedShape): number {
  const [minX, minY, maxX, maxY] = shape.bbox;
  return Math.max(0, maxX - minX, maxY - minY);
}
