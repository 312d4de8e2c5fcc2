// POST /api/v1/compliance/site-files: a site file the browser cannot read itself (zipped Shapefile, DXF,
// KML, GeoPackage …) uploaded as multipart, read by the importers with only its format's GDAL driver, and
// answered as the site a check would evaluate: GeoJSON in EPSG:4490 with its ellipsoidal area, how it was
// read, and whether it was repaired. Nothing is stored; a file that cannot be a site is a 400 naming `file`.
import { mkdir, rm } from 'node:fs/promises';
import type { RequestHandler } from 'express';
import type { MultiPolygon } from 'geojson';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ComplianceError, editableSite } from '../../compliance-rules';
import { crsDefinition } from '../../layers';
import type { Config } from '../config';
import { badRequest } from '../errors';
import { siteFromFile } from '../imports/site-files';
import { parseInput } from '../request-body';
import { complianceHandler } from './compliance-error';
import { receiveUpload } from './imports';
import { SITE_FILE_MAX_BYTES } from './project-sites';

const fields = z.object({
  srs: z.string().min(1).optional(),
  encoding: z.enum(['UTF-8', 'GBK']).optional(),
  sourceLayer: z.string().min(1).optional(),
});

export function siteFileHandler(
  pool: Pool,
  config: Pick<Config, 'uploadDir' | 'importMaxBytes'>,
): RequestHandler {
  return complianceHandler(async (req, res) => {
    if (!req.is('multipart/form-data'))
      throw badRequest(
        '请以multipart/form-data上传文件（字段名file） / upload the file as multipart/form-data',
        {
          parameter: 'file',
        },
      );
    await mkdir(config.uploadDir, { recursive: true });
    const upload = await receiveUpload(
      req,
      config.uploadDir,
      Math.min(config.importMaxBytes, SITE_FILE_MAX_BYTES),
    );
    try {
      const given = parseInput(fields, upload.fields);
      if (given.srs && !crsDefinition(given.srs))
        throw badRequest(`不支持的坐标系“${given.srs}” / unknown CRS "${given.srs}"`, {
          parameter: 'srs',
          value: given.srs,
        });
      const read = await siteFromFile(upload.file, {
        fileName: upload.fileName,
        ...(given.srs ? { srs: given.srs } : {}),
        ...(given.encoding ? { encoding: given.encoding } : {}),
        ...(given.sourceLayer ? { sourceLayer: given.sourceLayer } : {}),
      });
      const site = await editableSite(pool, read.geometry, read.crs).catch((error: unknown) => {
        // the geometry is the file's: an empty, out-of-city or oversized site is a problem of the file
        if (error instanceof ComplianceError && error.kind === 'invalid')
          throw badRequest(error.message, { ...error.details, parameter: 'file', fileName: upload.fileName });
        throw error;
      });
      res.json({
        fileName: upload.fileName,
        format: read.source.format ?? null,
        crs: read.source.crs,
        polygonCount: (read.geometry as MultiPolygon).coordinates.length,
        ...site,
      });
    } finally {
      await rm(upload.file, { force: true });
    }
  });
}
