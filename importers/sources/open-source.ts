// Opens an uploaded or named file for import: by its name and contents, a zipped Shapefile or File
// Geodatabase, a Shapefile beside its sidecars, GeoPackage, GeoJSON, KML, DXF, CSV (WKT or X/Y columns),
// boundary-coordinate text (国土TXT) or GeoTIFF imagery. Each format is opened by its own GDAL driver
// only, after the checks that keep GDAL from reading outside the upload (a real TIFF header, a GeoPackage
// schema that runs no outside-reading SQL, a KML without network links).
import { existsSync } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { safeUnzip, shapefileParts } from '../archive/safe-unzip';
import type { TextEncodingName } from '../encoding/detect-encoding';
import { GDAL_DRIVERS } from '../gdal/gdal-environment';
import type { GdalAccess } from '../gdal/ogr-inspect';
import { ImportError } from '../import-error';
import { openBoundaryText } from './boundary-text';
import { openCsv } from './csv';
import { hasSqliteHeader, refuseOutsideReadingSchema } from './geopackage-schema';
import { refuseExternalLinks } from './kml-links';
import {
  checkRecordCounts,
  gdalEncoding,
  requireParts,
  shapefileEncoding,
  type ShapefileParts,
} from './shapefile';
import type { OpenedSource, VectorSource } from './source';
import { requireTiff } from './tiff-signature';

export interface OpenOptions {
  encoding?: TextEncodingName;
  /** the layer geometry type, to pick drawing entities of that kind out of a DXF */
  geometryType: string;
}

const nothing = async () => undefined;

async function head(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A source GDAL reads with `drivers` only (GDAL's names, from GDAL_DRIVERS). */
function vector(
  format: string,
  drivers: readonly string[],
  file: string,
  { access, ...extra }: Partial<Omit<VectorSource, 'access'>> & { access?: Omit<GdalAccess, 'drivers'> } = {},
): VectorSource {
  return {
    kind: 'vector',
    format,
    path: file,
    access: { ...access, drivers },
    encoding: null,
    declarationPresent: true,
    ignoreGdalCrs: false,
    cleanup: nothing,
    ...extra,
  };
}

async function openShapefile(
  parts: ShapefileParts,
  options: OpenOptions,
  cleanup: () => Promise<void>,
): Promise<VectorSource> {
  const required = requireParts(parts);
  await checkRecordCounts(required.shx, required.dbf);
  const encoding = await shapefileEncoding({ ...parts, dbf: required.dbf }, options.encoding);
  return vector('ESRI Shapefile', GDAL_DRIVERS.shapefile, required.shp, {
    access: { openOptions: [`ENCODING=${gdalEncoding(encoding.name)}`] },
    encoding,
    declarationPresent: parts.prj !== undefined,
    cleanup,
  });
}

async function openZip(file: string, options: OpenOptions): Promise<OpenedSource> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'one-blueprint-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const entries = await safeUnzip(file, dir);
    const gdb = [
      ...new Set(entries.map((e) => e.match(/^(.*?\.gdb)\//i)?.[1]).filter((e): e is string => Boolean(e))),
    ];
    if (gdb.length > 0)
      return vector('File Geodatabase', GDAL_DRIVERS.fileGeodatabase, path.join(dir, gdb[0] as string), {
        cleanup,
      });
    const shapefiles = shapefileParts(entries);
    if (shapefiles.length === 0) {
      const hasDbf = entries.some((e) => /\.dbf$/i.test(e));
      throw new ImportError(
        'missing_component',
        hasDbf
          ? '压缩包中没有.shp文件 / the zip has no .shp file'
          : '压缩包中没有可导入的数据（需要.shp与.dbf，或.gdb文件夹） / the zip holds no importable data (a .shp with its .dbf, or a .gdb folder)',
        { missing: '.shp', entries: entries.slice(0, 20) },
      );
    }
    if (shapefiles.length > 1) {
      throw new ImportError(
        'multiple_layers',
        `压缩包中有${shapefiles.length}个Shapefile，请每次导入一个 / the zip holds ${shapefiles.length} shapefiles: import one at a time`,
        {
          files: shapefiles.map((s) => s.shp),
        },
      );
    }
    const parts = shapefiles[0] as ShapefileParts;
    const absolute = Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [k, path.join(dir, v as string)]),
    ) as unknown as ShapefileParts;
    return await openShapefile(absolute, options, cleanup);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function siblings(shp: string): Promise<ShapefileParts> {
  const base = path
    .basename(shp)
    .replace(/\.shp$/i, '')
    .toLowerCase();
  const dir = path.dirname(shp);
  const parts: ShapefileParts = { shp };
  for (const name of await readdir(dir)) {
    const ext = path.extname(name).slice(1).toLowerCase();
    if (
      name.slice(0, -(ext.length + 1)).toLowerCase() === base &&
      ['dbf', 'shx', 'prj', 'cpg'].includes(ext)
    ) {
      parts[ext as 'dbf' | 'shx' | 'prj' | 'cpg'] = path.join(dir, name);
    }
  }
  return parts;
}

export async function openSource(
  file: string,
  fileName: string,
  options: OpenOptions,
): Promise<OpenedSource> {
  if (!existsSync(file))
    throw new ImportError('not_found', `文件不存在：${fileName} / no such file`, { file: fileName });
  const info = await stat(file);
  if (info.isDirectory()) {
    if (/\.gdb\/?$/i.test(file)) return vector('File Geodatabase', GDAL_DRIVERS.fileGeodatabase, file);
    throw new ImportError('unsupported_format', `${fileName}是文件夹 / ${fileName} is a folder`, {
      file: fileName,
    });
  }
  if (info.size === 0)
    throw new ImportError('empty_file', `文件为空：${fileName} / the file is empty`, { file: fileName });
  const extension = path.extname(fileName).toLowerCase();
  const magic = await head(file, 16);
  if (magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || extension === '.zip')
    return openZip(file, options);
  switch (extension) {
    case '.shp':
      return openShapefile(await siblings(file), options, nothing);
    case '.gpkg':
      if (!hasSqliteHeader(magic))
        throw new ImportError(
          'unreadable_file',
          `文件“${fileName}”不是GeoPackage（不是SQLite数据库） / "${fileName}" is not a GeoPackage (not a SQLite database)`,
          { file: fileName },
        );
      await refuseOutsideReadingSchema(file, fileName);
      return vector('GeoPackage', GDAL_DRIVERS.geoPackage, file);
    case '.geojson':
    case '.json': {
      const declaresCrs = (await head(file, 64 * 1024)).toString('utf8').includes('"crs"');
      // GDAL refuses single features over 200 MB; the pipeline's own vertex bound names the problem instead
      return vector('GeoJSON', GDAL_DRIVERS.geoJson, file, {
        access: { configOptions: [['OGR_GEOJSON_MAX_OBJ_SIZE', '0']] },
        declarationPresent: declaresCrs,
        ignoreGdalCrs: !declaresCrs,
      });
    }
    case '.kml':
      await refuseExternalLinks(file, fileName);
      return vector('KML', GDAL_DRIVERS.kml, file);
    case '.dxf': {
      const where = /Polygon/.test(options.geometryType)
        ? "OGR_GEOMETRY IN ('POLYGON', 'MULTIPOLYGON')"
        : /LineString/.test(options.geometryType)
          ? "OGR_GEOMETRY IN ('LINESTRING', 'MULTILINESTRING')"
          : undefined;
      return vector('DXF', GDAL_DRIVERS.dxf, file, {
        access: { configOptions: [['DXF_CLOSED_LINE_AS_POLYGON', 'TRUE']] },
        declarationPresent: false,
        ...(where ? { where } : {}),
      });
    }
    case '.csv':
      return openCsv(file, fileName, options.encoding);
    case '.txt':
      return openBoundaryText(file, fileName, options.encoding);
    case '.tif':
    case '.tiff':
      await requireTiff(file, fileName);
      return { kind: 'raster', format: 'GeoTIFF', path: file, encoding: null, cleanup: nothing };
    default:
      throw new ImportError(
        'unsupported_format',
        `不支持的文件类型“${extension || fileName}”：可导入.zip（Shapefile或File Geodatabase）、.shp、.gpkg、.geojson、.kml、.dxf、.csv、.txt（界址点坐标）、.tif / unsupported file type`,
        { file: fileName },
      );
  }
}
