// The figures of a conflicts version: count and ellipsoidal area (m², 公顷, 亩) by conflict type, by district,
// by both and by pair, with the version and the source layer versions it was built from. Every conflict
// type and pair of the version's pair set is listed, those without conflicts with zeros.
import type { Queryable } from '../../layers';
import { notFound } from '../compliance-error';
import { areaUnits } from '../runs/area-units';
import { CONFLICT_LAYER_CODE } from './conflict-layer';

export interface AreaFigures {
  count: number;
  areaM2: number;
  areaHa: number;
  areaMu: number;
}

export interface ConflictSummary {
  layer: string;
  version: number;
  versionId: string;
  current: boolean;
  publishedAt: string | null;
  pairSet: { code: string; name: string; digest: string } | null;
  sources: { layer: string; name: string; version: number; versionId: string }[];
  total: AreaFigures;
  byType: (AreaFigures & { conflictType: string; title: string })[];
  byDistrict: (AreaFigures & { districtCode: string | null; districtName: string | null })[];
  byTypeAndDistrict: (AreaFigures & {
    conflictType: string;
    districtCode: string | null;
    districtName: string | null;
  })[];
  byPair: (AreaFigures & { pairId: string; title: string; conflictType: string })[];
}

interface VersionRow {
  id: string;
  version_no: number;
  published_at: Date | null;
  current: boolean;
  report: {
    conflicts?: {
      pairSet: ConflictSummary['pairSet'];
      conflictTypes: { code: string; title: string }[];
      pairs: { id: string; title: string; conflictType: string }[];
    };
  };
}

interface GroupRow {
  conflict_type: string;
  district_code: string | null;
  district_name: string | null;
  pair_id: string;
  n: number;
  area_m2: number;
}

const VERSION = `
SELECT v.id, v.version_no, v.published_at, v.validation_report AS report, v.id = l.current_version_id AS current
FROM layers l JOIN layer_versions v ON v.layer_id = l.id
WHERE l.code = $1 AND l.deleted_at IS NULL
  AND (CASE WHEN $2::int IS NULL THEN v.id = l.current_version_id ELSE v.version_no = $2 END)`;

const SOURCES = `
SELECT l.code AS layer, l.name, v.version_no, v.id AS version_id
FROM planning_conflict_sources s JOIN layer_versions v ON v.id = s.source_version_id JOIN layers l ON l.id = v.layer_id
WHERE s.conflict_version_id = $1 ORDER BY l.code`;

// one row per type, district and pair: every other grouping is summed from these
const GROUPS = `
SELECT properties ->> 'conflict_type' AS conflict_type, properties ->> 'district_code' AS district_code,
       properties ->> 'district_name' AS district_name, properties ->> 'pair_id' AS pair_id,
       count(*)::int AS n, sum((properties ->> 'area_m2')::float8) AS area_m2
FROM layer_features WHERE layer_version_id = $1
GROUP BY 1, 2, 3, 4`;

function figures(rows: GroupRow[]): AreaFigures {
  const areaM2 = rows.reduce((sum, r) => sum + r.area_m2, 0);
  return { count: rows.reduce((sum, r) => sum + r.n, 0), ...areaUnits(areaM2) };
}

function groupBy<K>(rows: GroupRow[], key: (r: GroupRow) => K): Map<string, { key: K; rows: GroupRow[] }> {
  const groups = new Map<string, { key: K; rows: GroupRow[] }>();
  for (const row of rows) {
    const k = key(row);
    const id = JSON.stringify(k);
    const group = groups.get(id) ?? { key: k, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return groups;
}

/** The summary of the current conflicts version, or of version `version`; `not_found` when there is none. */
export async function conflictSummary(db: Queryable, version?: number): Promise<ConflictSummary> {
  const { rows } = await db.query<VersionRow>(VERSION, [CONFLICT_LAYER_CODE, version ?? null]);
  const row = rows[0];
  if (!row)
    throw notFound(
      version
        ? `规划冲突图斑没有第${version}版 / no version ${version} of the planning conflicts`
        : '尚未计算规划冲突图斑 / the planning conflicts have not been computed',
      version ? { parameter: 'version', value: version } : {},
    );
  const [sources, groups] = await Promise.all([
    db.query<{ layer: string; name: string; version_no: number; version_id: string }>(SOURCES, [row.id]),
    db.query<GroupRow>(GROUPS, [row.id]),
  ]);
  const meta = row.report.conflicts;
  const data = groups.rows;
  const types = new Map((meta?.conflictTypes ?? []).map((t) => [t.code, t.title]));
  for (const r of data) if (!types.has(r.conflict_type)) types.set(r.conflict_type, r.conflict_type);
  const pairs = meta?.pairs ?? [];
  const districts = [...groupBy(data, (r) => [r.district_code, r.district_name]).values()].sort((a, b) =>
    String(a.key[0]).localeCompare(String(b.key[0])),
  );
  return {
    layer: CONFLICT_LAYER_CODE,
    version: row.version_no,
    versionId: row.id,
    current: row.current,
    publishedAt: row.published_at?.toISOString() ?? null,
    pairSet: meta?.pairSet ?? null,
    sources: sources.rows.map((s) => ({
      layer: s.layer,
      name: s.name,
      version: s.version_no,
      versionId: s.version_id,
    })),
    total: figures(data),
    byType: [...types].map(([code, title]) => ({
      conflictType: code,
      title,
      ...figures(data.filter((r) => r.conflict_type === code)),
    })),
    byDistrict: districts.map((d) => ({
      districtCode: d.key[0] ?? null,
      districtName: d.key[1] ?? null,
      ...figures(d.rows),
    })),
    byTypeAndDistrict: [...types.keys()].flatMap((code) =>
      districts
        .map((d) => ({ d, rows: d.rows.filter((r) => r.conflict_type === code) }))
        .filter((x) => x.rows.length > 0)
        .map(({ d, rows: typed }) => ({
          conflictType: code,
          districtCode: d.key[0] ?? null,
          districtName: d.key[1] ?? null,
          ...figures(typed),
        })),
    ),
    byPair: pairs.map((p) => ({
      pairId: p.id,
      title: p.title,
      conflictType: p.conflictType,
      ...figures(data.filter((r) => r.pair_id === p.id)),
    })),
  };
}
