// Construction conditions checked against the project's site where the map can check them: a setback from a
// layer's features is the nearest ellipsoidal distance from the site (met when at least the value); plot
// ratio, building density, green ratio and height are checked against the same indicator of the land-use
// plan's (控规) parcels under the site: a ceiling is met when it is no looser than the strictest parcel's
// (≤ its lowest value), a floor when it is no looser than the strictest parcel's (≥ its highest value), so
// that the lead sees a condition the detailed plan would not allow. Free-text conditions are not checkable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { findConditionKind, type ConditionKind } from './catalogue';
import type { ConditionItem } from './opinion-input';
import { invalid } from './planning-error';

const SETBACK_DISTANCE = readFileSync(path.join(__dirname, 'setback-distance.sql'), 'utf8');
const PLAN_INDICATOR = readFileSync(path.join(__dirname, 'plan-indicator.sql'), 'utf8');
const PLAN_LAYER = 'land_use_plan';

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
  /** plan indicators: the strictest value of the land-use plan parcels under the site, and that parcel */
  planValue: number | null;
  planParcel: { key: string; name: string | null } | null;
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

interface PlanRow {
  version_id: string | null;
  parcel_key: string | null;
  land_use_name: string | null;
  value: number | null;
}

async function planParcels(
  sequelize: Sequelize,
  siteVersionId: number,
  attribute: string,
  transaction: Transaction | undefined,
): Promise<PlanRow[]> {
  return sequelize.query<PlanRow>(PLAN_INDICATOR, {
    bind: [siteVersionId, attribute],
    type: QueryTypes.SELECT,
    ...(transaction ? { transaction } : {}),
  });
}

type Base = Pick<
  ConditionCheck,
  'index' | 'kind' | 'distanceM' | 'layer' | 'layerVersionId' | 'nearestFeature' | 'planValue' | 'planParcel'
>;

/** A ratio, density or height condition against the strictest land-use plan parcel under the site. */
async function planIndicatorCheck(
  sequelize: Sequelize,
  base: Base,
  item: ConditionItem & { value: number },
  kind: ConditionKind & { planAttribute: string },
  siteVersionId: number | null,
  transaction: Transaction | undefined,
): Promise<ConditionCheck> {
  const none = { planValue: null, planParcel: null };
  if (siteVersionId === null)
    return { ...base, ...none, status: 'no_site', note: '项目尚无用地范围 / the project has no site' };
  const rows = await planParcels(sequelize, siteVersionId, kind.planAttribute, transaction);
  const layerFacts = { layer: PLAN_LAYER, layerVersionId: rows[0]?.version_id ?? null };
  const parcels = rows.filter(
    (r): r is PlanRow & { parcel_key: string; value: number } => r.parcel_key !== null && r.value !== null,
  );
  if (parcels.length === 0)
    return {
      ...base,
      ...layerFacts,
      ...none,
      status: 'not_checkable',
      note: '用地范围不在有此指标的控规地块内 / the site lies on no land-use plan parcel with this indicator',
    };
  const ceiling = kind.comparison === '≤';
  const strictest = parcels.reduce((best, p) =>
    (ceiling ? p.value < best.value : p.value > best.value) ? p : best,
  );
  const planValue = Number(strictest.value);
  const met = ceiling ? item.value <= planValue : item.value >= planValue;
  const unit = kind.unit === 'm' ? '米' : (kind.unit ?? '');
  const plan = `控规地块${strictest.parcel_key}${kind.name.replace(/上限|下限$/, '')}${kind.comparison}${planValue}${unit}`;
  return {
    ...base,
    ...layerFacts,
    planValue,
    planParcel: { key: strictest.parcel_key, name: strictest.land_use_name },
    status: met ? 'met' : 'not_met',
    note: met
      ? `${plan}，条件不宽于控规 / within the land-use plan (${kind.planAttribute} ${kind.comparison} ${planValue})`
      : `${plan}，条件宽于控规 / looser than the land-use plan (${kind.planAttribute} ${kind.comparison} ${planValue})`,
  };
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
      planValue: null,
      planParcel: null,
    };
    if (kind?.check === 'plan_indicator' && kind.planAttribute !== undefined && item.value !== null) {
      checks.push(
        await planIndicatorCheck(
          sequelize,
          base,
          { ...item, value: item.value },
          { ...kind, planAttribute: kind.planAttribute },
          siteVersionId,
          transaction,
        ),
      );
      continue;
    }
    if (kind?.check !== 'setback' || item.layer === null || item.value === null) {
      checks.push({
        ...base,
        status: 'not_checkable',
        note: '无法在图上核验 / not checkable on the map',
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
