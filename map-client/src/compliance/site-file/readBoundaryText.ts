// A site from a boundary-coordinate text file (国土TXT, 界址点坐标交换格式): the [属性描述] block names the datum,
// the zone width and the zone; each parcel under [地块坐标] is a header line ending in "@" and its points
// "J1,ring,X,Y" with X the northing and Y the easting with the zone prefix. Rings of a parcel: the first is
// an outer ring, a later one a hole when it lies inside the outer ring, else another part.
import type { Position } from 'geojson';
import type { FileSite } from './readGeoJsonSite';
import { SiteFileError } from './siteFileError';

const FAMILIES = [
  { datum: /2000/, width: 3, firstZone: 25, firstCode: 4513 },
  { datum: /2000/, width: 6, firstZone: 13, firstCode: 4491 },
  { datum: /西安|80/, width: 3, firstZone: 25, firstCode: 2349 },
  { datum: /西安|80/, width: 6, firstZone: 13, firstCode: 2327 },
  { datum: /北京|54/, width: 3, firstZone: 25, firstCode: 2401 },
  { datum: /北京|54/, width: 6, firstZone: 13, firstCode: 21413 },
] as const;

function insideRing(point: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
    const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
    if (yi > point[1]! !== yj > point[1]! && point[0]! < ((xj - xi) * (point[1]! - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

function zoneCrs(attributes: Map<string, string>): string {
  const datum = attributes.get('坐标系') ?? '';
  const width = Number(attributes.get('几度分带'));
  const zone = Number(attributes.get('带号'));
  if (!Number.isInteger(zone) || zone <= 0)
    throw new SiteFileError('文件未写明带号，无法确定坐标系 / the file does not give its zone (带号)');
  const family = FAMILIES.find((f) => f.datum.test(datum) && f.width === width);
  if (!family)
    throw new SiteFileError(`不支持的坐标系或分带：${datum} ${width}度 / unsupported datum or zone width`);
  const code = family.firstCode + zone - family.firstZone;
  const last = family.width === 3 ? 45 : 23;
  if (zone < family.firstZone || zone > last)
    throw new SiteFileError(`带号 ${zone} 超出 ${family.width} 度带范围 / zone ${zone} out of range`);
  return `EPSG:${code}`;
}

export function readBoundaryText(text: string): FileSite {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const attributes = new Map<string, string>();
  let section = '';
  const parcels: Map<string, Position[]>[] = [];
  lines.forEach((line, index) => {
    if (line === '') return;
    if (/^\[.*\]$/.test(line)) {
      section = line;
      return;
    }
    if (section === '[属性描述]') {
      const at = line.indexOf('=');
      if (at > 0) attributes.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
      return;
    }
    if (section !== '[地块坐标]') return;
    if (line.endsWith('@')) {
      parcels.push(new Map());
      return;
    }
    const fields = line.split(',');
    const [ringNo, x, y] = [fields[1], Number(fields[2]), Number(fields[3])];
    const parcel = parcels[parcels.length - 1];
    if (!parcel || fields.length < 4 || !ringNo || !Number.isFinite(x) || !Number.isFinite(y))
      throw new SiteFileError(
        `第 ${index + 1} 行不是界址点：${line} / line ${index + 1} is not a boundary point`,
      );
    const ring = parcel.get(ringNo) ?? [];
    ring.push([y, x]); // easting, northing
    parcel.set(ringNo, ring);
  });
  const crs = zoneCrs(attributes);
  const polygons: Position[][][] = [];
  for (const parcel of parcels) {
    const parts: Position[][][] = [];
    for (const ring of parcel.values()) {
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
      if (ring.length < 4) throw new SiteFileError('地块的圈少于 3 个点 / a ring has fewer than 3 points');
      const owner = parts.find((rings) => insideRing(ring[0]!, rings[0]!));
      if (owner) owner.push(ring);
      else parts.push([ring]);
    }
    polygons.push(...parts);
  }
  if (polygons.length === 0) throw new SiteFileError('文件中没有地块坐标 / the file holds no parcel');
  return { polygons, crs };
}
