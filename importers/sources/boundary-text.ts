// The national boundary-coordinate text (国土TXT 界址点坐标): parcels with rings of survey points in a
// Gauss-Krüger zone, turned into EPSG:4490 features; the declared areas are compared with the computed ones.
import { readFile } from 'node:fs/promises';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { crsDefinition } from '../../layers';
import { decodeText, type TextEncodingName } from '../encoding/detect-encoding';
import {
  boundaryAreaChecks,
  boundaryPolygons,
  parseBoundaryCoordinates,
} from '../formats/boundary-coordinates';
import { ImportError } from '../import-error';
import type { SourceFeature } from '../pipeline/source-feature';
import type { ParsedSource } from './source';

export async function openBoundaryText(
  file: string,
  fileName: string,
  given?: TextEncodingName,
): Promise<ParsedSource> {
  const { text, encoding } = decodeText(await readFile(file), given, fileName);
  const parsed = parseBoundaryCoordinates(text, fileName);
  const code = `EPSG:${parsed.epsg}`;
  const definition = crsDefinition(code);
  const geographic = crsDefinition('EPSG:4490');
  if (!definition || !geographic) {
    throw new ImportError('unknown_crs', `不支持的坐标系${code} / unsupported CRS ${code}`, { crs: code });
  }
  const toLonLat = proj4(definition.proj4, geographic.proj4);
  const round = (v: number) => Math.round(v * 1e9) / 1e9;
  // a broken parcel is a feature without geometry that carries its problem: it is rejected with it
  const features: SourceFeature[] = parsed.parcels.map((parcel) => ({
    key: parcel.parcelNo,
    properties: {
      parcel_no: parcel.parcelNo,
      name: parcel.name,
      declared_area_ha: parcel.declaredAreaHa,
      point_count: parcel.pointCount,
      geometry_kind: parcel.geometryKind,
      sheet_no: parcel.sheetNo,
      use: parcel.use,
      land_class_code: parcel.landClassCode,
    },
    ...(parcel.problem
      ? { geometry: null, problem: parcel.problem }
      : {
          geometry: lonLatGeometry(boundaryPolygons(parcel.rings), (position) =>
            toLonLat.forward(position).map(round),
          ),
        }),
  }));
  return {
    kind: 'parsed',
    format: '界址点坐标文本（国土TXT）',
    crs: {
      code,
      note: `文件声明：${parsed.attributes['坐标系'] ?? parsed.datum}，${parsed.zoneWidth}度带，带号${parsed.zone}`,
    },
    features,
    areaChecks: boundaryAreaChecks(parsed),
    encoding: { name: encoding, how: given ? 'given' : 'detected' },
    cleanup: async () => undefined,
  };
}

/** A parcel as a Polygon, or a MultiPolygon when it has several parts. */
function lonLatGeometry(
  polygons: [number, number][][][],
  toLonLat: (position: [number, number]) => Position,
): Polygon | MultiPolygon {
  const coordinates = polygons.map((rings) => rings.map((ring) => ring.map(toLonLat)));
  return coordinates.length === 1
    ? { type: 'Polygon', coordinates: coordinates[0]! }
    : { type: 'MultiPolygon', coordinates };
}
