// POST /api/v1/compliance/site-files: a site file the browser cannot read itself (zipped Shapefile, DXF,
// KML, GeoPackage …) uploaded as multipart, read by the importers with only its format's GDAL driver, and
// answered as the site a check would evaluate: GeoJSON in EPSG:4490 with its ellipsoidal area, how it was
// read, and whether it was repaired. Nothing is stored; a file that cannot be a site is a 400 naming `file`.
import type { RequestHandler } from 'express';
import type { MultiPolygon } from 'geojson';
import type { Pool } from 'pg';
import { ComplianceError, editableSite } from '../../compliance-rules';
import type { Config } from '../config';
import { badRequest } from '../errors';
import { readSiteUpload } from '../imports/site-upload';
import { complianceHandler } from './compliance-error';

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
    const { site: read, fileName } = await readSiteUpload(req, config, {});
    const site = await editableSite(pool, read.geometry, read.crs).catch((error: unknown) => {
      // the geometry is the file's: an empty, out-of-city or oversized site is a problem of the file
      if (error instanceof ComplianceError && error.kind === 'invalid')
        throw badRequest(error.message, { ...error.details, parameter: 'file', fileName });
      throw error;
    });
    res.json({
      fileName,
      format: read.source.format ?? null,
      crs: read.source.crs,
      polygonCount: (read.geometry as MultiPolygon).coordinates.length,
      ...site,
    });
  });
}
