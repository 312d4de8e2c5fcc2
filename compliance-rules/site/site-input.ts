// The shape of a submitted site: a GeoJSON Polygon or MultiPolygon with finite coordinates and closed rings
// of at least four positions. Anything else is refused naming `geometry` before the database sees it.
import { z } from 'zod';
import { crsDefinition } from '../../layers';
import { invalid } from '../compliance-error';

const position = z.array(z.number().finite()).min(2).max(3);
const ring = z
  .array(position)
  .min(4, '环至少需要4个坐标 / a ring needs at least 4 positions')
  .refine((r) => {
    const [a, b] = [r[0]!, r[r.length - 1]!];
    return a[0] === b[0] && a[1] === b[1];
  }, '环未闭合 / ring not closed');
const polygon = z.array(ring);

export const siteGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
]);

export type SiteGeometry = z.infer<typeof siteGeometrySchema>;

const POLYGONAL = ['Polygon', 'MultiPolygon'];

/** The geometry, or an `invalid` error naming `geometry` and saying what is wrong with it. */
export function parseSiteGeometry(input: unknown): SiteGeometry {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && !POLYGONAL.includes(type))
    throw invalid(
      `用地范围必须是面（Polygon或MultiPolygon），收到${type} / geometry must be a Polygon or MultiPolygon, not ${type}`,
      {
        parameter: 'geometry',
        type,
      },
    );
  const parsed = siteGeometrySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = ['geometry', ...(issue?.path ?? [])].map(String).join('.');
    throw invalid(
      `用地范围不是有效的GeoJSON面：${at} ${issue?.message ?? ''} / geometry is not valid GeoJSON`,
      {
        parameter: 'geometry',
        path: at,
      },
    );
  }
  const empty =
    parsed.data.type === 'Polygon'
      ? parsed.data.coordinates.length === 0
      : parsed.data.coordinates.every((p) => p.length === 0);
  if (empty) throw invalid('用地范围为空 / geometry is empty', { parameter: 'geometry' });
  return parsed.data;
}

/** The proj4 definition to transform from, or null for CGCS2000 itself; unknown codes name `crs`. */
export function sourceProjection(crs: string): string | null {
  const definition = crsDefinition(crs);
  if (!definition)
    throw invalid(`不支持的坐标系“${crs}” / unsupported crs ${crs}; see /api/v1/crs`, {
      parameter: 'crs',
      value: crs,
    });
  return definition.code === 'EPSG:4490' ? null : definition.proj4;
}

/** Whether the CRS is in degrees, so a site outside the city may have its axes swapped. */
export function isGeographic(crs: string): boolean {
  return crsDefinition(crs)?.proj4.startsWith('+proj=longlat') ?? false;
}
