// A layer's versions over REST: the list, a version's validation report (JSON or CSV), rollback, diff.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  diffVersions,
  findLayerRecord,
  listVersions,
  rollbackLayer,
  versionId,
  versionReport,
  type LayerRecord,
} from '../../layers';
import { reportToCsv, type ValidationReport } from '../../importers';
import { badRequest, notFound } from '../errors';
import type { GeoServerSync } from '../geoserver-sync';
import { parseInput } from '../request-body';
import { presentLayer, requireLayerSummary } from './layers';

const versionNumber = z.coerce.number().int().min(1);

export async function requireLayerRecord(pool: Pool, code: string): Promise<LayerRecord> {
  const layer = await findLayerRecord(pool, code);
  if (!layer) throw notFound(`图层不存在 / no layer with code "${code}"`, { parameter: 'code', value: code });
  return layer;
}

async function requireVersion(
  pool: Pool,
  layer: LayerRecord,
  version: number,
  parameter = 'version',
): Promise<string> {
  const id = await versionId(pool, layer.id, version);
  if (id === undefined) {
    throw notFound(`图层“${layer.code}”没有第${version}版 / layer ${layer.code} has no version ${version}`, {
      parameter,
      value: version,
    });
  }
  return id;
}

export function listVersionsHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const layer = await requireLayerRecord(pool, String(req.params.code));
    res.json({ versions: await listVersions(pool, layer.id) });
  };
}

export function versionReportHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const layer = await requireLayerRecord(pool, String(req.params.code));
    const { version } = parseInput(z.object({ version: versionNumber }), req.params);
    const { format } = parseInput(z.object({ format: z.enum(['json', 'csv']).default('json') }), req.query);
    const report = (await versionReport(pool, layer.id, version)) as ValidationReport | undefined;
    if (report === undefined)
      throw notFound(`图层“${layer.code}”没有第${version}版 / no version ${version}`, {
        parameter: 'version',
        value: version,
      });
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${layer.code}-v${version}-report.csv`)
        .send(reportToCsv(report));
      return;
    }
    res.json(report);
  };
}

export function rollbackHandler(
  pool: Pool,
  geoserver: GeoServerSync,
  onPublished: (code: string) => void = () => undefined,
): RequestHandler {
  return async (req, res) => {
    const layer = await requireLayerRecord(pool, String(req.params.code));
    const { version } = parseInput(z.object({ version: versionNumber }), req.body);
    const client = await pool.connect();
    try {
      if (!(await rollbackLayer(client, layer.id, version))) {
        throw notFound(`图层“${layer.code}”没有第${version}版 / no version ${version}`, {
          parameter: 'version',
          value: version,
        });
      }
    } finally {
      client.release();
    }
    onPublished(layer.code);
    await geoserver.layerChanged(layer.code);
    res.json(presentLayer(await requireLayerSummary(pool, layer.code)));
  };
}

export function diffHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const layer = await requireLayerRecord(pool, String(req.params.code));
    const { from, to } = parseInput(z.object({ from: versionNumber, to: versionNumber }), req.query);
    if (from === to)
      throw badRequest('from与to必须是不同版本 / from and to must differ', { parameter: 'to', value: to });
    const diff = await diffVersions(
      pool,
      await requireVersion(pool, layer, from, 'from'),
      await requireVersion(pool, layer, to, 'to'),
    );
    res.json({ from, to, ...diff });
  };
}
