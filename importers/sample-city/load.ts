// Loads a generated sample city into the database: organisation, every layer as a new version, the
// imagery as a Cloud-Optimized GeoTIFF, and the projects with their sites, approvals and planning tasks.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { beginVersion, findLayerRecord, inTransaction, publishVersion, upsertLayer } from '../../layers';
import { importFeatures } from '../pipeline/import-features';
import { emptyReport } from '../pipeline/validation-report';
import { writeCloudOptimizedGeoTiff } from '../gdal/cloud-optimized-geotiff';
import { localToGk, LOCAL_GK_EPSG } from './frame';
import type { SampleCity, SampleProjectLonLat } from './generate';
import { SAMPLE_LAYERS } from './layer-definitions';
import { DEPARTMENTS, USERS } from './organisation';
import { CALENDAR_EXCEPTIONS } from './calendar';

export interface LoadOptions {
  /** folder for raster files (the imagery COG) */
  rasterDir: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

async function loadOrganisation(client: PoolClient): Promise<void> {
  for (const d of DEPARTMENTS) {
    await client.query('INSERT INTO departments (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [
      d.code,
      d.name,
    ]);
  }
  for (const u of USERS) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO users (username, display_name, department_id)
       VALUES ($1, $2, (SELECT id FROM departments WHERE code = $3))
       ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
      [u.username, u.displayName, u.department],
    );
    const id = rows[0]?.id;
    for (const role of u.roles) {
      await client.query('INSERT INTO user_roles VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, role]);
    }
    for (const district of u.districts) {
      await client.query('INSERT INTO district_scopes VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        id,
        district,
      ]);
    }
  }
  for (const day of CALENDAR_EXCEPTIONS) {
    await client.query('INSERT INTO calendar_exceptions VALUES ($1, $2, $3) ON CONFLICT (day) DO NOTHING', [
      day.day,
      day.isWorkingDay,
      day.note,
    ]);
  }
}

async function loadImagery(pool: Pool, city: SampleCity, rasterDir: string): Promise<void> {
  const raster = city.imagery();
  const [minX, minY, maxX, maxY] = raster.extent;
  const [ulx, uly] = localToGk([minX, maxY]);
  const [lrx, lry] = localToGk([maxX, minY]);
  await mkdir(rasterDir, { recursive: true });
  await inTransaction(pool, async (client) => {
    const layerId = await upsertLayer(client, SAMPLE_LAYERS.imagery);
    const { versionId, versionNo } = await beginVersion(client, layerId, {
      sourceName: 'sample-city',
      note: '示例城市合成影像',
    });
    const file = path.join(rasterDir, `${SAMPLE_LAYERS.imagery.code}-v${versionNo}.tif`);
    const info = await writeCloudOptimizedGeoTiff(raster, LOCAL_GK_EPSG, [ulx, uly, lrx, lry], file);
    const [west, south, east, north] = info.extent;
    await client.query(
      `INSERT INTO layer_rasters (layer_version_id, file_path, width_px, height_px, band_count, ground_resolution_m, extent)
       VALUES ($1, $2, $3, $4, $5, $6, ST_MakeEnvelope($7, $8, $9, $10, 4490))`,
      [
        versionId,
        file,
        info.widthPx,
        info.heightPx,
        info.bandCount,
        (maxX - minX) / raster.width,
        west,
        south,
        east,
        north,
      ],
    );
    await publishVersion(client, layerId, versionId, 1);
    await client.query(
      'UPDATE layer_versions SET extent = ST_MakeEnvelope($2, $3, $4, $5, 4490) WHERE id = $1',
      [versionId, west, south, east, north],
    );
  });
}

async function loadProject(client: PoolClient, project: SampleProjectLonLat): Promise<void> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO projects (code, name, construction_unit, investment_type, project_type, district_code, stage, total_investment_wan_yuan, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      project.code,
      project.name,
      project.constructionUnit,
      project.investmentType,
      project.projectType,
      project.districtCode,
      project.stage,
      project.totalInvestmentWanYuan,
      project.sites[0]?.createdAt,
    ],
  );
  const projectId = rows[0]?.id;
  let siteId: string | undefined;
  for (const [i, site] of project.sites.entries()) {
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO project_site_versions (project_id, version_no, geom, reason, created_by, created_at)
       VALUES ($1, $2, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4490)), $4, (SELECT id FROM users WHERE username = $5), $6)
       RETURNING id`,
      [projectId, i + 1, JSON.stringify(site.geometry), site.reason, site.createdBy, site.createdAt],
    );
    siteId = inserted.rows[0]?.id;
  }
  await client.query('UPDATE projects SET current_site_version_id = $2 WHERE id = $1', [projectId, siteId]);
  // a decision or correction names the record it supersedes, inserted before it
  const approvalIds: string[] = [];
  for (const a of project.approvals) {
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO approval_records (project_id, stage, item, department_id, accepted_at, decided_at, time_limit_working_days, status, result, document_no, kind, supersedes_id, note)
       VALUES ($1, $2, $3, (SELECT id FROM departments WHERE code = $4), $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING id`,
      [
        projectId,
        a.stage,
        a.item,
        a.department,
        a.acceptedAt,
        a.decidedAt,
        a.workingDays,
        a.status,
        a.result,
        a.documentNo,
        a.kind,
        a.supersedes === null ? null : approvalIds[a.supersedes],
        a.note,
      ],
    );
    approvalIds.push(inserted.rows[0]?.id ?? '');
  }
  const task = project.planning;
  if (!task) return;
  const created = await client.query<{ id: number }>(
    `INSERT INTO planning_tasks (project_id, lead_department_id, title, status, deadline, conclusion, concluded_at, created_at)
     VALUES ($1, (SELECT id FROM departments WHERE code = $2), $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      projectId,
      task.lead,
      task.title,
      task.status,
      task.deadline,
      task.conclusion,
      task.concludedAt,
      task.createdAt,
    ],
  );
  const taskId = created.rows[0]?.id;
  for (const department of task.invited) {
    await client.query(
      'INSERT INTO planning_task_departments (task_id, department_id, invited_at) VALUES ($1, (SELECT id FROM departments WHERE code = $2), $3)',
      [taskId, department, task.createdAt],
    );
  }
  for (const o of task.opinions) {
    await client.query(
      `INSERT INTO planning_opinions (task_id, department_id, author_id, conditions, required_assessments, created_at)
       VALUES ($1, (SELECT id FROM departments WHERE code = $2), (SELECT id FROM users WHERE username = $3), $4, $5, $6)`,
      [taskId, o.department, o.author, o.conditions, o.requiredAssessments, o.createdAt],
    );
  }
}

/** Loads the whole city. Layers get new versions; organisation and projects are added only where missing. */
export async function loadSampleCity(pool: Pool, city: SampleCity, options: LoadOptions): Promise<void> {
  const progress = options.onProgress ?? (() => undefined);
  await inTransaction(pool, loadOrganisation);
  for (const layer of city.layers) {
    // Each layer enters through the import pipeline's checks, like any file would.
    const record = await inTransaction(pool, async (client) => {
      await upsertLayer(client, layer.definition);
      return findLayerRecord(client, layer.definition.code);
    });
    if (!record) throw new Error(`layer ${layer.definition.code} was not created`);
    const report = emptyReport({
      fileName: `sample-city seed=${city.seed} scale=${city.scale}`,
      format: '示例城市生成器',
      crs: { code: 'EPSG:4490', how: 'declared', note: '生成于EPSG:4538，存储为EPSG:4490' },
      encoding: null,
    });
    await importFeatures(pool, record, layer.features, report, {
      sourceName: report.source.fileName,
      note: '示例城市数据',
      expected: layer.features.length,
      onProgress: (phase, done, total) =>
        progress(`图层 ${layer.definition.name}（${phase}）`, done, total ?? done),
    });
  }
  progress('遥感影像', 0, 1);
  await loadImagery(pool, city, options.rasterDir);
  progress('遥感影像', 1, 1);
  await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM projects');
    if (Number(rows[0]?.n) > 0) return;
    for (const [i, project] of city.projects.entries()) {
      await loadProject(client, project);
      progress('工程建设项目', i + 1, city.projects.length);
    }
  });
}
