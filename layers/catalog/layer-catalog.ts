// Reads the layer catalog: what layers exist, their current version and what they look like.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LayerKind } from '../kinds';
import type { Queryable } from './queryable';

const LIST_LAYERS = readFileSync(path.join(__dirname, 'list-layers.sql'), 'utf8');

export interface AttributeDefinition {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean';
  required?: boolean;
  codeList?: string;
  unit?: string;
  /** the attribute that identifies a feature across versions (for diffs) */
  key?: boolean;
}

export interface LayerSummary {
  code: string;
  name: string;
  kind: LayerKind;
  geometryType: string;
  description: string;
  attributeSchema: AttributeDefinition[];
  style: unknown;
  districtCode: string | null;
  source: string | null;
  sortOrder: number;
  /** served to anyone, without a key or session */
  public: boolean;
  version: number | null;
  featureCount: number;
  publishedAt: string | null;
  /** [minLon, minLat, maxLon, maxLat] in EPSG:4490 */
  extent: [number, number, number, number] | null;
}

interface LayerRow {
  code: string;
  name: string;
  kind: LayerKind;
  geometry_type: string;
  description: string;
  attribute_schema: AttributeDefinition[];
  style: unknown;
  district_code: string | null;
  source: string | null;
  sort_order: number;
  public: boolean;
  version_no: number | null;
  feature_count: number | null;
  published_at: Date | null;
  extent: [number, number, number, number] | null;
}

function toSummary(row: LayerRow): LayerSummary {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    geometryType: row.geometry_type,
    description: row.description,
    attributeSchema: row.attribute_schema,
    style: row.style,
    districtCode: row.district_code,
    source: row.source,
    sortOrder: row.sort_order,
    public: row.public,
    version: row.version_no,
    featureCount: row.feature_count ?? 0,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    extent: row.extent,
  };
}

export async function listLayers(db: Queryable): Promise<LayerSummary[]> {
  const { rows } = await db.query<LayerRow>(LIST_LAYERS, [null]);
  return rows.map(toSummary);
}

export async function findLayer(db: Queryable, code: string): Promise<LayerSummary | undefined> {
  const { rows } = await db.query<LayerRow>(LIST_LAYERS, [code]);
  return rows[0] ? toSummary(rows[0]) : undefined;
}

/** The id of the layer's current version, for the services that draw it. */
export async function currentVersionId(db: Queryable, code: string): Promise<string | undefined> {
  const { rows } = await db.query<{ current_version_id: string | null }>(
    'SELECT current_version_id FROM layers WHERE code = $1 AND deleted_at IS NULL',
    [code],
  );
  return rows[0]?.current_version_id ?? undefined;
}
