// Reads a version's features as GeoJSON (EPSG:4490 longitude/latitude), page by page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Queryable } from './queryable';

const FEATURES = readFileSync(path.join(__dirname, 'features.sql'), 'utf8');

export interface FeatureQuery {
  bbox?: [number, number, number, number];
  limit: number;
  offset: number;
}

export async function queryFeatures(
  db: Queryable,
  versionId: string,
  query: FeatureQuery,
): Promise<FeatureCollection & { numberMatched: number }> {
  const [minX, minY, maxX, maxY] = query.bbox ?? [null, null, null, null];
  const { rows } = await db.query<{ collection: FeatureCollection & { numberMatched: number } }>(FEATURES, [
    versionId,
    minX,
    minY,
    maxX,
    maxY,
    query.limit,
    query.offset,
  ]);
  return rows[0]!.collection;
}
