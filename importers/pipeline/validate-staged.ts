// Checks the staged features in PostGIS and writes what it finds into the report: unreadable and empty
// geometries, invalid ones (repaired when the repair changes the area by at most 0.1 %, otherwise
// rejected), duplicates, missing required attributes, codes outside their code list, features outside the city.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PoolClient } from 'pg';
import { codeList, type AttributeDefinition } from '../../layers';
import { addIssue, type ValidationReport } from './validation-report';

const check = (name: string) => readFileSync(path.join(__dirname, 'checks', `${name}.sql`), 'utf8');
const PARSE_GEOMETRY = check('parse-geometry');
const UNREADABLE_OR_EMPTY = check('unreadable-or-empty');
const INVALID_GEOMETRY = check('invalid-geometry');
const DUPLICATE_GEOMETRY = check('duplicate-geometry');
const MISSING_ATTRIBUTE = check('missing-attribute');
const CODE_NOT_IN_LIST = check('code-not-in-list');
const OUTSIDE_CITY = check('outside-city');

/** The repair may change the ellipsoidal area by at most this share. */
export const MAX_REPAIR_AREA_CHANGE = 0.001;
export const CITY_BOUNDARY_LAYER = 'city_boundary';

export interface ValidationTarget {
  geometryType: string;
  attributeSchema: AttributeDefinition[];
  /** the layer being imported: a new city boundary is not checked against the old one */
  code: string;
}

function dimensionOf(geometryType: string): number {
  if (/Polygon/.test(geometryType)) return 2;
  if (/LineString/.test(geometryType)) return 1;
  return 0;
}

async function reject(client: PoolClient, ordinals: number[]): Promise<void> {
  if (ordinals.length > 0) {
    await client.query('UPDATE staging_features SET rejected = true WHERE ordinal = ANY ($1::int[])', [
      ordinals,
    ]);
  }
}

export async function validateStaged(
  client: PoolClient,
  target: ValidationTarget,
  report: ValidationReport,
): Promise<void> {
  await client.query(PARSE_GEOMETRY);

  const unreadable = await client.query<{ ordinal: number; feature_key: string | null; code: string }>(
    UNREADABLE_OR_EMPTY,
  );
  for (const row of unreadable.rows) {
    addIssue(report, {
      feature: row.ordinal,
      key: row.feature_key,
      severity: 'error',
      code: row.code,
      message:
        row.code === 'empty_geometry'
          ? '几何图形为空 / the geometry is empty'
          : '几何图形无法读取 / the geometry cannot be read',
      details: {},
    });
  }
  await reject(
    client,
    unreadable.rows.map((r) => r.ordinal),
  );

  const invalid = await client.query<{
    ordinal: number;
    feature_key: string | null;
    reason: string;
    area_before_m2: number;
    area_after_m2: number;
  }>(INVALID_GEOMETRY, [dimensionOf(target.geometryType)]);
  const repairedOrdinals: number[] = [];
  const rejectedOrdinals: number[] = [];
  for (const row of invalid.rows) {
    const change =
      row.area_before_m2 > 0
        ? Math.abs(row.area_after_m2 - row.area_before_m2) / row.area_before_m2
        : Infinity;
    const details = {
      reason: row.reason,
      areaBeforeM2: Math.round(row.area_before_m2 * 100) / 100,
      areaAfterM2: Math.round(row.area_after_m2 * 100) / 100,
      areaChangePct: Number.isFinite(change) ? Math.round(change * 1e6) / 1e4 : null,
    };
    if (change <= MAX_REPAIR_AREA_CHANGE && dimensionOf(target.geometryType) === 2) {
      repairedOrdinals.push(row.ordinal);
      addIssue(report, {
        feature: row.ordinal,
        key: row.feature_key,
        severity: 'repaired',
        code: 'invalid_geometry_repaired',
        message: `几何图形无效（${row.reason}），已自动修复 / invalid geometry repaired`,
        details,
      });
    } else {
      rejectedOrdinals.push(row.ordinal);
      addIssue(report, {
        feature: row.ordinal,
        key: row.feature_key,
        severity: 'error',
        code: 'invalid_geometry',
        message: `几何图形无效（${row.reason}），修复会改变面积超过0.1%，请在源数据中修正 / invalid geometry whose repair would change its area by more than 0.1 %: fix it in the source`,
        details,
      });
    }
  }
  if (repairedOrdinals.length > 0) {
    await client.query(
      `UPDATE staging_features SET geom = CASE $2::int
         WHEN 2 THEN ST_CollectionExtract(ST_MakeValid(geom), 3)
         WHEN 1 THEN ST_CollectionExtract(ST_MakeValid(geom), 2) ELSE ST_MakeValid(geom) END
       WHERE ordinal = ANY ($1::int[])`,
      [repairedOrdinals, dimensionOf(target.geometryType)],
    );
  }
  await reject(client, rejectedOrdinals);

  const duplicates = await client.query<{
    ordinal: number;
    feature_key: string | null;
    first_ordinal: number;
  }>(DUPLICATE_GEOMETRY);
  for (const row of duplicates.rows) {
    addIssue(report, {
      feature: row.ordinal,
      key: row.feature_key,
      severity: 'warning',
      code: 'duplicate_geometry',
      message: `与第${row.first_ordinal}个要素的几何图形完全相同 / the same geometry as feature ${row.first_ordinal}`,
      details: { sameAs: row.first_ordinal },
    });
  }

  const required = target.attributeSchema.filter((a) => a.required).map((a) => a.name);
  if (required.length > 0) {
    const missing = await client.query<{ ordinal: number; feature_key: string | null; name: string }>(
      MISSING_ATTRIBUTE,
      [required],
    );
    for (const row of missing.rows) {
      const label = target.attributeSchema.find((a) => a.name === row.name)?.label ?? row.name;
      addIssue(report, {
        feature: row.ordinal,
        key: row.feature_key,
        severity: 'error',
        code: 'missing_attribute',
        message: `缺少必填属性“${label}”（${row.name}） / required attribute ${row.name} is missing`,
        details: { attribute: row.name },
      });
    }
    await reject(
      client,
      missing.rows.map((r) => r.ordinal),
    );
  }

  for (const attribute of target.attributeSchema.filter((a) => a.codeList)) {
    const list = codeList(attribute.codeList as string);
    const outside = await client.query<{ ordinal: number; feature_key: string | null; value: string }>(
      CODE_NOT_IN_LIST,
      [attribute.name, list.entries.map((e) => e.code)],
    );
    for (const row of outside.rows) {
      addIssue(report, {
        feature: row.ordinal,
        key: row.feature_key,
        severity: 'warning',
        code: 'code_not_in_list',
        message: `属性“${attribute.label}”的值“${row.value}”不在《${list.name}》中 / ${attribute.name} "${row.value}" is not a code of ${list.code}`,
        details: { attribute: attribute.name, value: row.value, codeList: list.code },
      });
    }
  }

  if (target.code !== CITY_BOUNDARY_LAYER) {
    const outside = await client.query<{ ordinal: number; feature_key: string | null; partly: boolean }>(
      OUTSIDE_CITY,
      [CITY_BOUNDARY_LAYER],
    );
    for (const row of outside.rows) {
      addIssue(report, {
        feature: row.ordinal,
        key: row.feature_key,
        severity: 'warning',
        code: 'outside_city',
        message: row.partly
          ? '要素部分位于市域范围外 / partly outside the city'
          : '要素位于市域范围外 / outside the city',
        details: { partly: row.partly },
      });
    }
  }
}
