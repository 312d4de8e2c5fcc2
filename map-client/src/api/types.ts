// The shapes spatial-api answers with (/api/v1). Kept here, not imported from the server: the client
// depends on the HTTP contract only.
import type { Style as GeoStylerStyle } from 'geostyler-style';

/** The layer kinds in catalog order (the server's layers/kinds.json). */
export const LAYER_KINDS = [
  'admin_division',
  'imagery',
  'plan',
  'control_line',
  'regional_assessment',
  'project_site',
  'reference',
] as const;

export type LayerKind = (typeof LAYER_KINDS)[number];

/** The geometry types a layer may declare (the CHECK constraint on layers.geometry_type). */
export const GEOMETRY_TYPES = [
  'MultiPolygon',
  'Polygon',
  'MultiLineString',
  'LineString',
  'MultiPoint',
  'Point',
  'Raster',
] as const;

export type GeometryType = (typeof GEOMETRY_TYPES)[number];

export interface AttributeDefinition {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean';
  required?: boolean;
  /** the attribute that identifies a feature (e.g. a parcel code) */
  key?: boolean;
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
  districtCode: string | null;
  source: string | null;
  version: number | null;
  featureCount: number;
  /** When the current version was published (ISO 8601); null for a layer without data */
  publishedAt: string | null;
  extent: LonLatExtent | null;
  sortOrder: number;
  /** XYZ template of Mapbox Vector Tiles in EPSG:3857; null when the layer cannot be drawn as vector tiles */
  tiles: string | null;
  /** XYZ template of 256-pixel PNG tiles in EPSG:3857 drawn with the layer's style; null without data */
  imageTiles: string | null;
  /** below this zoom, draw the layer from imageTiles (dense layers, whose vector tiles leave small features out) */
  imageTilesBelowZoom: number | null;
}

/** POST /api/v1/layers: an empty layer; its data arrives by import. */
export interface NewLayer {
  /** ^[a-z][a-z0-9_]{1,62}$ */
  code: string;
  name: string;
  kind: LayerKind;
  geometryType: GeometryType;
  description?: string;
  attributeSchema?: AttributeDefinition[];
  style?: GeoStylerStyle | null;
  districtCode?: string | null;
  source?: string | null;
}

/** PATCH /api/v1/layers/:code: any subset. */
export interface LayerPatch {
  name?: string;
  description?: string;
  attributeSchema?: AttributeDefinition[];
  style?: GeoStylerStyle | null;
  districtCode?: string | null;
  source?: string | null;
  sortOrder?: number;
}

export interface ReportCounts {
  read: number;
  loaded: number;
  repaired: number;
  rejected: number;
  warnings: number;
}

export interface VersionSummary {
  version: number;
  featureCount: number;
  sourceName: string | null;
  note: string | null;
  createdAt: string;
  publishedAt: string | null;
  current: boolean;
  report: { counts: ReportCounts } | null;
}

export type IssueSeverity = 'error' | 'warning' | 'repaired';

export interface ValidationIssue {
  /** 1-based ordinal of the feature in the file; 0 for the file as a whole */
  feature: number;
  key: string | null;
  severity: IssueSeverity;
  code: string;
  /** Chinese */
  message: string;
  details: Record<string, unknown>;
}

export interface ValidationReport {
  source: {
    fileName: string;
    format: string;
    crs: { code: string; how: 'declared' | 'guessed' | 'given' | 'format'; note: string } | null;
    encoding: { name: string; how: 'cpg' | 'detected' | 'given' } | null;
    /** boundary-coordinate files: each parcel's declared area against the computed one */
    areaChecks?: AreaCheck[];
    /** source attribute name → layer attribute name, where they differ (e.g. a .dbf's truncated names) */
    attributeMapping?: Record<string, string>;
  };
  counts: ReportCounts;
  issues: ValidationIssue[];
  /** more issues were found than the report keeps */
  truncated?: boolean;
  /** how many issues were found beyond those kept (reports from before it was counted lack it) */
  omittedIssues?: number;
}

export interface AreaCheck {
  /** the parcel's feature number; a broken parcel has no area check */
  feature?: number;
  parcelNo: string;
  declaredM2: number | null;
  computedM2: number;
  differencePct: number | null;
}

export interface AreaChange {
  count: number;
  /** ellipsoidal area (CGCS2000 spheroid) */
  areaM2: number;
}

export interface LayerDiff {
  from: number;
  to: number;
  added: AreaChange;
  removed: AreaChange;
  changed: AreaChange;
  unchanged: { count: number };
}

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJob {
  id: string;
  /** the layer's code */
  layer: string;
  fileName: string;
  status: ImportStatus;
  /** Chinese phase name, e.g. 读取文件, 识别坐标系, 坐标转换, 数据检查, 入库 */
  phase: string;
  progress: { done: number; total: number | null };
  version: number | null;
  report: ValidationReport | null;
  error: ApiErrorBody['error'] | null;
  createdAt: string;
  updatedAt: string;
}

/** The text encodings an upload may name; omitted means detect (.cpg, then a guess). */
export type UploadEncoding = 'UTF-8' | 'GBK';

export interface CodeListEntry {
  code: string;
  name: string;
  color: string;
  level?: number;
  parent?: string;
  gb50137?: string;
}

export interface CodeList {
  code: string;
  name: string;
  entries: CodeListEntry[];
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
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** A signed-in user as GET /api/v1/session describes them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  department: { id: number; code: string; name: string } | null;
  roles: string[];
  /** district codes the user is limited to; empty: the whole city (全市) */
  districts: string[];
  lastLoginAt: string | null;
}

/** POST and GET /api/v1/session. */
export interface SessionInfo {
  user: SessionUser;
  /** permission codes such as layers.read, layers.manage (the server's permission table) */
  permissions: string[];
  /** sent back as X-CSRF-Token on every change made with the session cookie */
  csrfToken: string;
}
