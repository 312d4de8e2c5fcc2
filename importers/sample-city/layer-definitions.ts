// The sample city's layers in the catalog: codes, Chinese names, kinds, attribute schemas and styles.
import {
  codeListStyle,
  defaultStyle,
  landUseStyle,
  type AttributeDefinition,
  type LayerDefinition,
} from '../../layers';

const text = (name: string, label: string, required = true): AttributeDefinition => ({
  name,
  label,
  type: 'string',
  required,
});
const area: AttributeDefinition = {
  name: 'area_m2',
  label: '面积',
  type: 'number',
  unit: 'm²',
  required: true,
};
const code: AttributeDefinition = { ...text('code', '编号'), key: true };
const adminCode: AttributeDefinition = { ...text('admin_code', '行政区划代码'), key: true };
const name = text('name', '名称');

function layer(
  definition: Omit<LayerDefinition, 'geometryType' | 'source'> & { geometryType?: string },
): LayerDefinition {
  // administrative, plan and control-line layers are open to every city system; the rest need a key
  const open = ['admin_division', 'plan', 'control_line'].includes(definition.kind);
  return { geometryType: 'MultiPolygon', source: '示例城市生成器', public: open, ...definition };
}

export const SAMPLE_LAYERS = {
  cityBoundary: layer({
    code: 'city_boundary',
    name: '市级行政区界',
    kind: 'admin_division',
    sortOrder: 10,
    attributeSchema: [adminCode, name, area],
    style: defaultStyle('市级行政区界', '#333333', {
      opacity: 0,
      outlineWidth: 3,
      outlineDasharray: [12, 4, 2, 4],
    }),
  }),
  districts: layer({
    code: 'districts',
    name: '区县行政区划',
    kind: 'admin_division',
    sortOrder: 20,
    attributeSchema: [adminCode, name, area],
    style: defaultStyle('区县行政区划', '#555555', {
      opacity: 0.05,
      outlineWidth: 2,
      outlineDasharray: [8, 4],
    }),
  }),
  imagery: layer({
    code: 'imagery_2024',
    name: '2024年中心城区遥感影像',
    kind: 'imagery',
    geometryType: 'Raster',
    sortOrder: 5,
    attributeSchema: [],
    style: null,
    description: '合成影像（示例数据），约6米分辨率，覆盖中心城区',
  }),
  landUsePlan: layer({
    code: 'land_use_plan',
    name: '控制性详细规划用地',
    kind: 'plan',
    sortOrder: 30,
    attributeSchema: [
      { ...text('parcel_code', '地块编码'), key: true },
      { name: 'land_use_code', label: '用地代码', type: 'string', required: true, codeList: 'land_use_2023' },
      text('land_use_name', '用地名称'),
      text('gb50137_code', 'GB 50137用地代码', false),
      { name: 'plot_ratio', label: '容积率', type: 'number' },
      { name: 'building_density_pct', label: '建筑密度', type: 'number', unit: '%' },
      { name: 'green_ratio_pct', label: '绿地率', type: 'number', unit: '%' },
      { name: 'height_limit_m', label: '建筑限高', type: 'number', unit: 'm' },
      text('planning_unit', '控规单元'),
      text('district_code', '行政区划代码'),
      text('district_name', '所属区县'),
      area,
    ],
    style: landUseStyle(),
  }),
  urbanMasterPlan: layer({
    code: 'urban_master_plan',
    name: '城市总体规划用地布局（2011—2020年）',
    kind: 'plan',
    sortOrder: 35,
    description: '国土空间总体规划批复前的城市总体规划用地布局（示例数据），多规合一比对的来源之一',
    attributeSchema: [
      { ...text('plan_code', '用地编号'), key: true },
      text('zone_name', '片区名称'),
      { name: 'land_use_code', label: '用地代码', type: 'string', required: true, codeList: 'land_use_2023' },
      text('land_use_name', '用地名称'),
      text('gb50137_code', 'GB 50137用地代码', false),
      text('planned_period', '规划期限'),
      text('district_code', '行政区划代码'),
      text('district_name', '所属区县'),
      area,
    ],
    style: codeListStyle('用地用海分类', 'land_use_2023', 'land_use_code', { opacity: 0.45 }),
  }),
  ecologicalRedLine: layer({
    code: 'ecological_red_line',
    name: '生态保护红线',
    kind: 'control_line',
    sortOrder: 60,
    attributeSchema: [
      code,
      name,
      text('function_type', '主导功能'),
      area,
      text('approved_by', '批准机关'),
      { name: 'approved_on', label: '批准日期', type: 'date' },
    ],
    style: defaultStyle('生态保护红线', '#E60000', { opacity: 0.3, outlineWidth: 2 }),
  }),
  permanentBasicFarmland: layer({
    code: 'permanent_basic_farmland',
    name: '永久基本农田',
    kind: 'control_line',
    sortOrder: 50,
    attributeSchema: [
      { ...text('farmland_code', '图斑编号'), key: true },
      { name: 'quality_grade', label: '耕地质量等别', type: 'integer', required: true },
      text('land_class', '地类'),
      area,
      { name: 'area_mu', label: '面积（亩）', type: 'number', unit: '亩' },
      text('township', '乡镇'),
      text('district_code', '行政区划代码'),
      text('protection_responsible', '保护责任人', false),
    ],
    style: defaultStyle('永久基本农田', '#A8D26B', {
      opacity: 0.6,
      outlineColor: '#6E9A2E',
      outlineWidth: 0.5,
    }),
  }),
  urbanDevelopmentBoundary: layer({
    code: 'urban_development_boundary',
    name: '城镇开发边界',
    kind: 'control_line',
    sortOrder: 70,
    attributeSchema: [code, name, area],
    style: defaultStyle('城镇开发边界', '#8E44AD', {
      opacity: 0,
      outlineWidth: 3,
      outlineDasharray: [10, 6],
    }),
  }),
  blueLine: layer({
    code: 'blue_line',
    name: '蓝线',
    kind: 'control_line',
    sortOrder: 80,
    attributeSchema: [code, name, text('water_body', '水体名称'), text('water_type', '水体类型'), area],
    style: defaultStyle('蓝线', '#1F78D1', { opacity: 0.45, outlineWidth: 1.5 }),
  }),
  greenLine: layer({
    code: 'green_line',
    name: '绿线',
    kind: 'control_line',
    sortOrder: 81,
    attributeSchema: [code, name, text('block', '街区编号'), area],
    style: defaultStyle('绿线', '#2E9E44', { opacity: 0.2, outlineWidth: 2 }),
  }),
  purpleLine: layer({
    code: 'purple_line',
    name: '紫线',
    kind: 'control_line',
    sortOrder: 82,
    attributeSchema: [code, name, text('protection_level', '保护级别'), area],
    style: defaultStyle('紫线', '#7B3FA0', { opacity: 0.25, outlineWidth: 2 }),
  }),
  yellowLine: layer({
    code: 'yellow_line',
    name: '黄线',
    kind: 'control_line',
    sortOrder: 83,
    attributeSchema: [
      code,
      name,
      text('facility_type', '设施类型'),
      text('voltage', '电压等级', false),
      { name: 'width_m', label: '走廊宽度', type: 'number', unit: 'm' },
      area,
    ],
    style: defaultStyle('黄线', '#E6B800', { opacity: 0.4, outlineWidth: 1.5 }),
  }),
  regionalAssessments: layer({
    code: 'regional_assessments',
    name: '区域评估范围',
    kind: 'regional_assessment',
    sortOrder: 90,
    attributeSchema: [
      code,
      name,
      { name: 'assessments', label: '已完成评估事项', type: 'string', required: true },
      { name: 'completed_on', label: '完成日期', type: 'date' },
      { name: 'valid_until', label: '有效期至', type: 'date' },
      text('approved_by', '批准机关'),
      text('document_no', '批准文号'),
      area,
    ],
    style: defaultStyle('区域评估范围', '#FF8C00', {
      opacity: 0.15,
      outlineWidth: 2,
      outlineDasharray: [6, 3],
    }),
  }),
} satisfies Record<string, LayerDefinition>;
