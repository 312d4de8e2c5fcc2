// The layer versions a generalisation is still to be built for: current, dense, vector.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AttributeDefinition } from '../catalog/layer-catalog';
import type { Queryable } from '../catalog/queryable';

const VERSIONS_TO_GENERALISE = readFileSync(path.join(__dirname, 'versions-to-generalise.sql'), 'utf8');

export interface VersionToGeneralise {
  code: string;
  name: string;
  geometryType: string;
  style: unknown;
  attributeSchema: AttributeDefinition[];
  versionId: string;
  featureCount: number;
}

export async function versionsToGeneralise(
  db: Queryable,
  minFeatures: number,
  layerCode: string | null = null,
): Promise<VersionToGeneralise[]> {
  const { rows } = await db.query<{
    code: string;
    name: string;
    geometry_type: string;
    style: unknown;
    attribute_schema: AttributeDefinition[];
    version_id: string;
    feature_count: number;
  }>(VERSIONS_TO_GENERALISE, [minFeatures, layerCode]);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    geometryType: r.geometry_type,
    style: r.style,
    attributeSchema: r.attribute_schema,
    versionId: r.version_id,
    featureCount: r.feature_count,
  }));
}
