// Where a site comes from: a drawing (GeoJSON in a given CRS), or the polygons the importers read from a
// file or from pasted boundary-coordinate text (国土TXT), already in EPSG:4490 and taken together. The
// reading itself happens at the HTTP edge, which may use the importers.
import type { MultiPolygon, Polygon } from 'geojson';

export interface SiteSource {
  kind: 'drawing' | 'file' | 'boundary_text';
  fileName?: string;
  format?: string;
  /** the CRS the source was read in, and how it was decided */
  crs: { code: string; how: string; note: string | null };
}

export interface SourcedSite {
  /** GeoJSON; a drawing's is checked when the site is prepared */
  geometry: unknown;
  /** the CRS of `geometry`'s coordinates */
  crs: string;
  source: SiteSource;
}

/** A drawn site: GeoJSON in `crs` (CGCS2000 longitude/latitude by default), checked when it is prepared. */
export function siteFromDrawing(geometry: unknown, crs = 'EPSG:4490'): SourcedSite {
  return { geometry, crs, source: { kind: 'drawing', crs: { code: crs, how: 'given', note: null } } };
}

/** Every polygon of a file as one multipolygon (overlapping parts are merged when the site is prepared). */
export function combinePolygons(polygons: (Polygon | MultiPolygon)[]): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: polygons.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.coordinates)),
  };
}

/** The polygons read from a file (EPSG:4490) as one site, saying how they were read. */
export function siteFromPolygons(polygons: (Polygon | MultiPolygon)[], source: SiteSource): SourcedSite {
  return { geometry: combinePolygons(polygons), crs: 'EPSG:4490', source };
}
