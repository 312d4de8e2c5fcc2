// Helpers of the compliance suites: sites made in the sample city, checks posted as a signed-in user, and the
// independent PostGIS computations the evaluator's figures are compared with.
import type { Pool } from 'pg';
import type { SignedIn } from './access';

export type Polygon = { type: 'Polygon'; coordinates: number[][][] };

/** An axis-aligned square of about `sideM` metres centred on lon/lat (CGCS2000 degrees). */
export function square(lon: number, lat: number, sideM: number): Polygon {
  const dLat = sideM / 2 / 110_574;
  const dLon = sideM / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat - dLat],
        [lon + dLon, lat + dLat],
        [lon - dLon, lat + dLat],
        [lon - dLon, lat - dLat],
      ],
    ],
  };
}

/** A self-intersecting (bow-tie) ring of half-width `d` degrees around lon/lat: two triangles meeting at it. */
export function bowTie(lon: number, lat: number, d: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - d, lat - d],
        [lon + d, lat + d],
        [lon + d, lat - d],
        [lon - d, lat + d],
        [lon - d, lat - d],
      ],
    ],
  };
}

export async function featureGeometry(pool: Pool, layer: string, key: string): Promise<Polygon> {
  const { rows } = await pool.query<{ g: Polygon }>(
    `SELECT ST_AsGeoJSON(f.geom, 12)::json AS g FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
     WHERE l.code = $1 AND f.feature_key = $2`,
    [layer, key],
  );
  if (!rows[0]) throw new Error(`no feature ${layer}:${key}`);
  return rows[0].g;
}

export async function projectSite(pool: Pool, name: string): Promise<{ code: string; geometry: Polygon }> {
  const { rows } = await pool.query<{ code: string; g: Polygon }>(
    `SELECT p.code, ST_AsGeoJSON(s.geom, 12)::json AS g FROM projects p
     JOIN project_site_versions s ON s.id = p.current_site_version_id WHERE p.name LIKE $1`,
    [`%${name}%`],
  );
  if (!rows[0]) throw new Error(`no sample project named like ${name}`);
  return { code: rows[0].code, geometry: rows[0].g };
}

/** ST_Area on the ellipsoid of the site's overlap with a layer's current features, computed here by hand. */
export async function overlapM2(pool: Pool, site: unknown, layer: string): Promise<number> {
  const { rows } = await pool.query<{ a: number }>(
    `WITH s AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4490) AS g)
     SELECT coalesce(ST_Area(ST_Intersection(s.g, ST_Union(f.geom))::geography), 0) AS a
     FROM s LEFT JOIN layers l ON l.code = $2
     LEFT JOIN layer_features f ON f.layer_version_id = l.current_version_id AND ST_Intersects(f.geom, s.g)
     GROUP BY s.g`,
    [JSON.stringify(site), layer],
  );
  return rows[0]!.a;
}

export async function siteAreaM2(pool: Pool, site: unknown): Promise<number> {
  const { rows } = await pool.query<{ a: number }>(
    'SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)::geography) AS a',
    [JSON.stringify(site)],
  );
  return rows[0]!.a;
}

export interface RuleResultBody {
  ruleId: string;
  title: string;
  kind: string;
  severity: string;
  passed: boolean;
  areaM2: number | null;
  areaHa: number | null;
  areaMu: number | null;
  ratio: number | null;
  distanceM: number | null;
  features: {
    id: string;
    key: string | null;
    layer: string;
    attributes: Record<string, unknown>;
    areaM2?: number;
    distanceM?: number;
  }[];
  details: Record<string, unknown>;
  conflictGeometry: { type: string } | null;
}

export interface CheckBody {
  id: string;
  verdict: string;
  siteAreaM2: number;
  siteAreaHa: number;
  siteAreaMu: number;
  projectCode: string | null;
  input: { crs: string; projectType: string | null; repaired: boolean; repairReason: string | null };
  ruleSet: { code: string; version: number };
  layerVersions: { layer: string; version: number; versionId: string }[];
  rules: RuleResultBody[];
  verificationCode: string;
}

export async function postCheck(
  url: string,
  user: SignedIn | undefined,
  body: Record<string, unknown>,
): Promise<{
  status: number;
  body: CheckBody & { error?: { code: string; message: string; details: Record<string, unknown> } };
}> {
  const res = await fetch(`${url}/api/v1/compliance/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user?.headers() ?? {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as CheckBody & { error?: never } };
}

export const rule = (check: CheckBody, id: string): RuleResultBody => {
  const found = check.rules.find((r) => r.ruleId === id);
  if (!found) throw new Error(`no result for rule ${id}`);
  return found;
};

/** relative difference */
export const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
