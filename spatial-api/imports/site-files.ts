// A project's site read through the importers: an uploaded file (zipped Shapefile, GeoJSON, KML, DXF, …
// in any CRS the importers recognise) or pasted boundary-coordinate text (国土TXT, read from a scratch
// file by the importer's reader). A file the importers refuse is a 400 naming `file` or `boundaryText`.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError, readPolygons, type ReadPolygonsOptions } from '../../importers';
import { siteFromPolygons, type SourcedSite } from '../../projects';
import { badRequest } from '../errors';

export async function siteFromFile(
  file: string,
  options: ReadPolygonsOptions,
  kind: 'file' | 'boundary_text' = 'file',
): Promise<SourcedSite> {
  try {
    const read = await readPolygons(file, options);
    return siteFromPolygons(read.polygons, {
      kind,
      ...(kind === 'file' ? { fileName: options.fileName } : {}),
      format: read.format,
      crs: read.crs,
    });
  } catch (error) {
    if (error instanceof ImportError)
      throw badRequest(error.message, {
        ...error.details,
        parameter: kind === 'file' ? 'file' : 'boundaryText',
        importCode: error.code,
      });
    throw error;
  }
}

export async function siteFromBoundaryText(text: string, scratchDir: string): Promise<SourcedSite> {
  await mkdir(scratchDir, { recursive: true });
  const file = path.join(scratchDir, `${randomUUID()}.txt`);
  await writeFile(file, text, 'utf8');
  try {
    return await siteFromFile(file, { fileName: 'boundary.txt', encoding: 'UTF-8' }, 'boundary_text');
  } finally {
    await rm(file, { force: true });
  }
}
