// The catalog layer the conflicts are written to, `planning_conflicts` (规划冲突图斑): its attribute schema
// and a style with one rule per conflict type of the pair set, in the type's colour.
import type { AttributeDefinition, LayerDefinition } from '../../layers';
import type { ConflictPairSet } from './pair-set-schema';

export const CONFLICT_LAYER_CODE = 'planning_conflicts';

const text = (name: string, label: string, required = true): AttributeDefinition => ({
  name,
  label,
  type: 'string',
  required,
});
const integer = (name: string, label: string, required = true): AttributeDefinition => ({
  name,
  label,
  type: 'integer',
  required,
});

export const CONFLICT_ATTRIBUTES: AttributeDefinition[] = [
  { ...text('conflict_code', '图斑编号'), key: true },
  text('conflict_type', '冲突类型代码'),
  text('title', '冲突类型'),
  text('pair_id', '比对编号'),
  text('pair_title', '比对名称'),
  text('left_layer', '规划图层'),
  integer('left_feature_id', '规划要素ID'),
  text('left_feature_key', '规划要素编号', false),
  integer('left_layer_version_id', '规划图层版本ID'),
  text('right_layer', '比对图层'),
  integer('right_feature_id', '比对要素ID', false),
  text('right_feature_key', '比对要素编号', false),
  integer('right_layer_version_id', '比对图层版本ID'),
  text('district_code', '行政区划代码', false),
  text('district_name', '所属区县', false),
  { name: 'area_m2', label: '面积', type: 'number', unit: 'm²', required: true },
  { name: 'area_ha', label: '面积（公顷）', type: 'number', unit: '公顷', required: true },
  { name: 'area_mu', label: '面积（亩）', type: 'number', unit: '亩', required: true },
];

/** A GeoStyler style, as the catalog keeps styles. */
export function conflictStyle(set: ConflictPairSet): Record<string, unknown> {
  return {
    name: '规划冲突图斑',
    rules: set.conflictTypes.map((type) => ({
      name: type.title,
      filter: ['==', 'conflict_type', type.code],
      symbolizers: [
        {
          kind: 'Fill' as const,
          color: type.color,
          fillOpacity: 0.55,
          outlineColor: type.color,
          outlineWidth: 1.5,
        },
      ],
    })),
  };
}

export function conflictLayerDefinition(set: ConflictPairSet): LayerDefinition {
  return {
    code: CONFLICT_LAYER_CODE,
    name: '规划冲突图斑',
    kind: 'reference',
    geometryType: 'MultiPolygon',
    description: `多规冲突（差异图斑）：按“${set.name}”比对各类规划与控制线，按冲突类型和行政区计算的图斑，随来源图层更新重算`,
    attributeSchema: CONFLICT_ATTRIBUTES,
    style: conflictStyle(set),
    districtCode: null,
    source: '多规冲突比对',
    sortOrder: 95,
    public: false,
  };
}
