// The catalog row of one layer as the writers need it (id, geometry type, attribute schema).
import type { AttributeDefinition } from './layer-catalog';
import type { Queryable } from './queryable';

export interface LayerRecord {
  id: number;
  code: string;
  name: string;
  kind: string;
  geometryType: string;
  attributeSchema: AttributeDefinition[];
  currentVersionId: string | null;
}

export async function findLayerRecord(db: Queryable, code: string): Promise<LayerRecord | undefined> {
  const { rows } = await db.query<{
    id: number;
    code: string;
    name: string;
    kind: string;
    geometry_type: string;
    attribute_schema: AttributeDefinition[];
    current_version_id: string | null;
  }>(
    `SELECT id, code, name, kind, geometry_type, attribute_schema, current_version_id
     FROM layers WHERE code = $1 AND deleted_at IS NULL`,
    [code],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        geometryType: row.geometry_type,
        attributeSchema: row.attribute_schema,
        currentVersionId: row.current_version_id,
      }
    : undefined;
}
