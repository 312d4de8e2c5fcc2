// The shapes spatial-api answers with (/api/v1). Kept here, not imported from the server: the client
// depends on the HTTP contract only.
import type { Style as GeoStylerStyle } from 'geostyler-style';

export type LayerKind =
  | 'admin_division'
  | 'imagery'
  | 'plan'
  | 'control_line'
  | 'regional_assessment'
  | 'project_site'
  | 'reference';

export interface AttributeDefinition {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean';
  unit?: string;
  codeList?: string;
}

/** [minLon, minLat, maxLon, maxLat] in EPSG:4490 */
export type LonLatExtent = [number, number, number, number];

export interface LayerSummary {
  code: string;
  name: string;
  kind: LayerKind;
  kindName: string;
  geometryType: string;
  description: string;
  attributeSchema: AttributeDefinition[];
  style: GeoStylerStyle | null;
  version: number | null;
  featureCount: number;
  extent: LonLatExtent | null;
  sortOrder: number;
  /** XYZ template of Mapbox Vector Tiles in EPSG:3857; null when the layer cannot be drawn as vector tiles */
  tiles: string | null;
}

export interface CrsDefinition {
  code: string;
  name: string;
  proj4: string;
}

export interface Health {
  status: 'ok' | 'error';
  database: unknown;
  postgis: unknown;
  layers: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
