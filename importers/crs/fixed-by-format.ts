// Formats whose CRS is fixed by their specification, so that it is not guessed from the coordinates:
// GeoJSON without a "crs" member (RFC 7946 §4: WGS 84 longitude/latitude) and KML (OGC 12-007r2 §6.2).
const FIXED: Record<string, { code: string; note: string }> = {
  GeoJSON: {
    code: 'EPSG:4326',
    note: 'GeoJSON未声明坐标系，按其规范（RFC 7946）为WGS84经纬度 / GeoJSON without "crs": WGS 84 longitude/latitude by RFC 7946',
  },
  KML: {
    code: 'EPSG:4326',
    note: 'KML坐标按其规范为WGS84经纬度 / KML coordinates are WGS 84 longitude/latitude by its specification',
  },
};

/** The CRS a format fixes for a file, or undefined when the file declares its own or may be in any. */
export function crsFixedByFormat(
  format: string,
  declarationPresent: boolean,
): { code: string; format: string; note: string } | undefined {
  const fixed = FIXED[format];
  if (!fixed || (format === 'GeoJSON' && declarationPresent)) return undefined;
  return { ...fixed, format };
}
