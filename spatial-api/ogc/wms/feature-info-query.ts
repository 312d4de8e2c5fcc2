// Finds the features of a layer version near a map pixel (see feature-info.sql).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Geometry } from 'geojson';
import type { Pool } from 'pg';

const FEATURE_INFO = readFileSync(path.join(__dirname, 'feature-info.sql'), 'utf8');

export interface InfoFeature {
  id: string;
  featureKey: string | null;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
  gml: string | null;
}

export interface InfoProbe {
  /** the pixel's centre in the map CRS (x = easting / longitude) */
  x: number;
  y: number;
  srid: number;
  radius: number;
  limit: number;
  geometry: 'json' | 'gml' | 'none';
}

export async function featuresNear(pool: Pool, versionId: string, probe: InfoProbe): Promise<InfoFeature[]> {
  const { rows } = await pool.query<{
    id: string;
    feature_key: string | null;
    properties: Record<string, unknown>;
    geojson: Geometry | null;
    gml: string | null;
  }>(FEATURE_INFO, [versionId, probe.x, probe.y, probe.srid, probe.radius, probe.limit, probe.geometry]);
  return rows.map((r) => ({
    id: r.id,
    featureKey: r.feature_key,
    properties: r.properties,
    geometry: r.geojson,
    gml: r.gml,
  }));
}
