// The sample city generator: a deterministic (fixed seed) Ürümqi-area city in CGCS2000. Same seed and
// scale, same features. `scale` multiplies the parcel layers (land-use parcels and basic farmland).
import type { MultiPolygon } from 'geojson';
import type { FeatureInput, LayerDefinition } from '../../layers';
import { assessmentAreas } from './assessments';
import { layOutCity, type CityPlan } from './city-plan';
import type { Shape } from './clip';
import { divideDistricts } from './districts';
import { layOutFarmland } from './farmland';
import { masterPlanZones } from './master-plan';
import { polygonToLonLat } from './frame';
import { renderImagery, type ImageryRaster } from './imagery';
import { cutParcels, layOutBlocks } from './land-use';
import { SAMPLE_LAYERS } from './layer-definitions';
import { pointInPolygons, polygonArea, type Point, type PolygonRings } from './plane';
import { sampleProjects, type SampleProject } from './projects';
import { Random } from './random';
import { drawRedLines } from './red-line';
import { blueLines, greenLines, purpleLines, yellowLines } from './urban-four-lines';

export const DEFAULT_SEED = 20240601;
/** Parcel area the land-use plan aims at, m², at scale 1: about 5,400 parcels (515,000 at scale 100). */
const TARGET_PARCEL_AREA_M2 = 50_000;

export interface SampleCityOptions {
  seed?: number;
  scale?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface SampleLayer {
  definition: LayerDefinition;
  features: FeatureInput[];
}

/** A project whose site versions are GeoJSON MultiPolygons in EPSG:4490. */
export type SampleProjectLonLat = Omit<SampleProject, 'sites'> & {
  sites: (Omit<SampleProject['sites'][number], 'shape'> & { geometry: MultiPolygon })[];
};

export interface SampleCity {
  seed: number;
  scale: number;
  layers: SampleLayer[];
  projects: SampleProjectLonLat[];
  /** builds the imagery raster on demand (it is large) */
  imagery: () => ImageryRaster;
  plan: CityPlan;
}

export function toMultiPolygon(shape: Shape): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: shape.map(polygonToLonLat) };
}

function features<T extends { shape: Shape; properties: Record<string, unknown> }>(
  items: T[],
  keyOf: (item: T) => string,
): FeatureInput[] {
  return items.map((item) => ({
    key: keyOf(item),
    properties: item.properties,
    geometry: toMultiPolygon(item.shape),
  }));
}

const DEV_BOUNDARY_PARTS: { name: string; at: Point }[] = [
  { name: '中心城区', at: [0, 1000] },
  { name: '米东片区', at: [13000, 15000] },
  { name: '头屯河片区', at: [-15000, 3000] },
];

function devBoundaryPartName(rings: PolygonRings): string {
  return DEV_BOUNDARY_PARTS.find((part) => pointInPolygons(part.at, [rings]))?.name ?? '城镇开发边界';
}

const areaOf = (shape: Shape) =>
  Math.round(shape.reduce((s, rings) => s + polygonArea(rings), 0) * 100) / 100;

export function generateSampleCity(options: SampleCityOptions = {}): SampleCity {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000)
    throw new Error(`scale must be a whole number from 1 to 1000, not ${scale}`);
  const progress = options.onProgress ?? (() => undefined);
  const random = new Random(seed);

  progress('城市格局', 0, 1);
  const plan = layOutCity(random.fork(1));
  const districts = divideDistricts(plan.boundary);
  progress('城市格局', 1, 1);

  const blocks = layOutBlocks(plan, districts, random.fork(2));
  const parcels = cutParcels(plan, blocks, TARGET_PARCEL_AREA_M2 / scale, random.fork(3), (done, total) =>
    progress('控规地块', done, total),
  );
  const redLines = drawRedLines(plan, random.fork(4));
  progress('生态保护红线', 1, 1);
  const farmland = layOutFarmland(plan, districts, redLines, scale, random.fork(5));
  progress('永久基本农田', 1, 1);
  const assessments = assessmentAreas(plan, random.fork(6));
  const projects = sampleProjects(parcels, farmland, redLines, districts, random.fork(7));
  const masterPlan = masterPlanZones(plan, districts, redLines, farmland, random.fork(10));

  const layers: SampleLayer[] = [
    {
      definition: SAMPLE_LAYERS.cityBoundary,
      features: [
        {
          key: '650100',
          properties: {
            admin_code: '650100',
            name: '乌鲁木齐市（示例）',
            area_m2: areaOf([[plan.boundary]]),
          },
          geometry: toMultiPolygon([[plan.boundary]]),
        },
      ],
    },
    {
      definition: SAMPLE_LAYERS.districts,
      features: districts.map((d) => ({
        key: d.info.code,
        properties: { admin_code: d.info.code, name: d.info.name, area_m2: areaOf(d.shape) },
        geometry: toMultiPolygon(d.shape),
      })),
    },
    {
      definition: SAMPLE_LAYERS.landUsePlan,
      features: features(parcels, (p) => String(p.properties.parcel_code)),
    },
    {
      definition: SAMPLE_LAYERS.urbanMasterPlan,
      features: features(masterPlan, (z) => String(z.properties.plan_code)),
    },
    {
      definition: SAMPLE_LAYERS.ecologicalRedLine,
      features: features(redLines, (r) => String(r.properties.code)),
    },
    {
      definition: SAMPLE_LAYERS.permanentBasicFarmland,
      features: features(farmland, (f) => String(f.properties.farmland_code)),
    },
    {
      definition: SAMPLE_LAYERS.urbanDevelopmentBoundary,
      features: plan.devBoundary.map((rings, i) => ({
        key: `CZKFBJ-${i + 1}`,
        properties: { code: `CZKFBJ-${i + 1}`, name: devBoundaryPartName(rings), area_m2: areaOf([rings]) },
        geometry: toMultiPolygon([rings]),
      })),
    },
    {
      definition: SAMPLE_LAYERS.blueLine,
      features: features(blueLines(plan), (l) => String(l.properties.code)),
    },
    {
      definition: SAMPLE_LAYERS.greenLine,
      features: features(greenLines(blocks), (l) => String(l.properties.code)),
    },
    {
      definition: SAMPLE_LAYERS.purpleLine,
      features: features(purpleLines(blocks, random.fork(8)), (l) => String(l.properties.code)),
    },
    {
      definition: SAMPLE_LAYERS.yellowLine,
      features: features(yellowLines(plan, parcels, random.fork(9)), (l) => String(l.properties.code)),
    },
    {
      definition: SAMPLE_LAYERS.regionalAssessments,
      features: features(assessments, (a) => String(a.properties.code)),
    },
  ];

  return {
    seed,
    scale,
    layers,
    plan,
    projects: projects.map((p) => ({
      ...p,
      sites: p.sites.map(({ shape, ...rest }) => ({ ...rest, geometry: toMultiPolygon(shape) })),
    })),
    imagery: () => renderImagery(plan, blocks, 2048, 12_000),
  };
}
