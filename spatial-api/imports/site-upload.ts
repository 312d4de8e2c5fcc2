// A site file uploaded as multipart (zipped Shapefile, DXF, KML, GeoPackage …), with the fields that say how
// to read it (`srs`, `encoding`, `sourceLayer`) and whatever more the route asks for, read by the importers
// (site-files.ts) and removed once read. Shared by a project's site and the compliance page's site file.
import { mkdir, rm } from 'node:fs/promises';
import type { Request } from 'express';
import { z } from 'zod';
import type { SourcedSite } from '../../projects';
import { crsDefinition } from '../../layers';
import type { Config } from '../config';
import { badRequest } from '../errors';
import { parseInput } from '../request-body';
import { receiveUpload } from '../routes/imports';
import { siteFromFile } from './site-files';

/** the largest site file taken (a site is a handful of polygons, not a layer) */
export const SITE_FILE_MAX_BYTES = 64 * 1024 * 1024;

export const SITE_FILE_FIELDS = {
  srs: z.string().min(1).optional(),
  encoding: z.enum(['UTF-8', 'GBK']).optional(),
  sourceLayer: z.string().min(1).optional(),
};

export interface SiteUpload<F> {
  site: SourcedSite;
  fields: F;
  fileName: string;
}

export async function readSiteUpload<S extends z.ZodRawShape>(
  req: Request,
  config: Pick<Config, 'uploadDir' | 'importMaxBytes'>,
  moreFields: S,
): Promise<SiteUpload<z.infer<z.ZodObject<S & typeof SITE_FILE_FIELDS>>>> {
  await mkdir(config.uploadDir, { recursive: true });
  const upload = await receiveUpload(
    req,
    config.uploadDir,
    Math.min(config.importMaxBytes, SITE_FILE_MAX_BYTES),
  );
  try {
    const fields = parseInput(z.object({ ...moreFields, ...SITE_FILE_FIELDS }), upload.fields);
    const { srs, encoding, sourceLayer } = fields as z.infer<z.ZodObject<typeof SITE_FILE_FIELDS>>;
    if (srs && !crsDefinition(srs))
      throw badRequest(`不支持的坐标系“${srs}” / unknown CRS "${srs}"`, { parameter: 'srs', value: srs });
    const site = await siteFromFile(upload.file, {
      fileName: upload.fileName,
      ...(srs ? { srs } : {}),
      ...(encoding ? { encoding } : {}),
      ...(sourceLayer ? { sourceLayer } : {}),
    });
    return { site, fields, fileName: upload.fileName };
  } finally {
    await rm(upload.file, { force: true });
  }
}
