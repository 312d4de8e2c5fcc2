// Creating, editing and (softly) deleting catalog entries.
import type { AttributeDefinition } from './layer-catalog';
import type { Queryable } from './queryable';

export interface LayerMetadataChange {
  name?: string;
  description?: string;
  attributeSchema?: AttributeDefinition[];
  style?: unknown;
  districtCode?: string | null;
  source?: string | null;
  sortOrder?: number;
  public?: boolean;
}

const COLUMNS: Record<keyof LayerMetadataChange, string> = {
  name: 'name',
  description: 'description',
  attributeSchema: 'attribute_schema',
  style: 'style',
  districtCode: 'district_code',
  source: 'source',
  sortOrder: 'sort_order',
  public: 'public',
};

const JSON_FIELDS = new Set<keyof LayerMetadataChange>(['attributeSchema', 'style']);

/** Updates the given metadata; returns false when the layer does not exist. */
export async function updateLayerMetadata(
  db: Queryable,
  code: string,
  change: LayerMetadataChange,
): Promise<boolean> {
  const fields = (Object.keys(change) as (keyof LayerMetadataChange)[]).filter(
    (f) => change[f] !== undefined,
  );
  if (fields.length === 0) {
    const { rowCount } = await db.query('SELECT 1 FROM layers WHERE code = $1 AND deleted_at IS NULL', [
      code,
    ]);
    return (rowCount ?? 0) > 0;
  }
  // Column names come from the fixed COLUMNS table above, never from the request.
  const assignments = fields.map((f, i) => `${COLUMNS[f]} = $${i + 2}`).join(', ');
  const values = fields.map((f) => (JSON_FIELDS.has(f) ? JSON.stringify(change[f]) : change[f]));
  const { rowCount } = await db.query(
    `UPDATE layers SET ${assignments}, updated_at = now() WHERE code = $1 AND deleted_at IS NULL`,
    [code, ...values],
  );
  return (rowCount ?? 0) > 0;
}

/** Hides the layer from the catalog and the services; its versions stay for history. */
export async function softDeleteLayer(db: Queryable, code: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE layers SET deleted_at = now(), updated_at = now() WHERE code = $1 AND deleted_at IS NULL',
    [code],
  );
  return (rowCount ?? 0) > 0;
}

export interface NewLayer {
  code: string;
  name: string;
  kind: string;
  geometryType: string;
  description?: string;
  attributeSchema?: AttributeDefinition[];
  style?: unknown;
  districtCode?: string | null;
  source?: string | null;
  public?: boolean;
}

/** Creates an empty layer; returns false when the code is taken (also by a deleted layer). */
export async function createLayer(db: Queryable, layer: NewLayer): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO layers (code, name, kind, geometry_type, description, attribute_schema, style, district_code, source, sort_order, public)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1000, $10)
     ON CONFLICT (code) DO NOTHING`,
    [
      layer.code,
      layer.name,
      layer.kind,
      layer.geometryType,
      layer.description ?? '',
      JSON.stringify(layer.attributeSchema ?? []),
      layer.style === undefined ? null : JSON.stringify(layer.style),
      layer.districtCode ?? null,
      layer.source ?? null,
      layer.public ?? false,
    ],
  );
  return (rowCount ?? 0) > 0;
}
