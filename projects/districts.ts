// The districts a project may belong to: the features of the `districts` layer's current version, keyed by
// their administrative code (行政区划代码).
import type { Queryable } from '../layers';

const DISTRICT = `
SELECT f.properties->>'name' AS name
FROM layers l JOIN layer_features f ON f.layer_version_id = l.current_version_id
WHERE l.code = 'districts' AND l.deleted_at IS NULL AND f.feature_key = $1
LIMIT 1`;

/** The district's name, or undefined when the city has no such district. */
export async function districtName(db: Queryable, code: string): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string | null }>(DISTRICT, [code]);
  return rows[0] ? (rows[0].name ?? code) : undefined;
}
