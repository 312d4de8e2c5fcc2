// Construction conditions checked against the project's site where the map can check them: a setback from a
// layer's features is the nearest ellipsoidal distance from the site (met when at least the value); plot
// ratio, density, green ratio and height are attributes of the building, reported as not checkable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { findConditionKind } from './catalogue';
import type { ConditionItem } from './opinion-input';
import { invalid } from './planning-error';

const SETBACK_DISTANCE = readFileSync(path.join(__dirname, 'setback-distance.sql'), 'utf8');

export type CheckStatus = 'met' | 'not_met' | 'not_checkable' | 'no_site';

export interface ConditionCheck {
  index: number;
  kind: string;
  status: CheckStatus;
  /** setbacks: the nearest distance found, metres on the ellipsoid */
  distanceM: number | null;
  layer: string | null;
  layerVersionId: string | null;
  nearestFeature: { key: string | null; name: string | null } | null;
  note: string;
}

interface Row {
  version_id: string | null;
  geometry_type: string;
  feature_key: string | null;
  feature_name: string | null;
  distance_m: number | null;
}

async function setback(
  sequelize: Sequelize,
  siteVersionId: number | null,
  layer: string,
  transaction: Transaction | undefined,
): Promise<Row | undefined> {
  const [row] = await sequelize.query<Row>(SETBACK_DISTANCE, {
    bind: [siteVersionId, layer],
    type: QueryTypes.SELECT,
    ...(transaction ? { transaction } : {}),
  });
  return row;
}

/** Checks each condition against the site (null: the project has no site yet); unknown layers are refused. */
export async function checkConditions(
  sequelize: Sequelize,
  items: ConditionItem[],
  siteVersionId: number | null,
  transaction?: Transaction,
): Promise<ConditionCheck[]> {
  const checks: ConditionCheck[] = [];
  for (const [index, item] of items.entries()) {
    const kind = findConditionKind(item.kind);
    const base = {
      index,
      kind: item.kind,
      distanceM: null,
      layer: null,
      layerVersionId: null,
      nearestFeature: null,
    };
    if (kind?.check !== 'setback' || item.layer === null || item.value === null) {
      checks.push({
        ...base,
        status: 'not_checkable',
        note: '属建筑指标，无法在图上核验 / not checkable on the map',
      });
      continue;
    }
    const row = await setback(sequelize, siteVersionId, item.layer, transaction);
    if (!row || row.geometry_type === 'Raster')
      throw invalid(`图层“${item.layer}”不存在或不是矢量图层 / no vector layer ${item.layer}`, {
        parameter: `conditions[${index}].layer`,
        value: item.layer,
      });
    const layerFacts = { layer: item.layer, layerVersionId: row.version_id };
    if (siteVersionId === null) {
      checks.push({
        ...base,
        ...layerFacts,
        status: 'no_site',
        note: '项目尚无用地范围 / the project has no site',
      });
    } else if (row.distance_m === null) {
      checks.push({
        ...base,
        ...layerFacts,
        status: 'not_checkable',
        note: '图层没有要素 / the layer has no features',
      });
    } else {
      const distanceM = Math.round(Number(row.distance_m) * 100) / 100;
      checks.push({
        ...base,
        ...layerFacts,
        distanceM,
        nearestFeature: { key: row.feature_key, name: row.feature_name },
        status: distanceM >= item.value ? 'met' : 'not_met',
        note: `最近距离${distanceM}米，要求不少于${item.value}米 / nearest ${distanceM} m, at least ${item.value} m required`,
      });
    }
  }
  return checks;
}
