// Shapefile specifics: the parts that must be there, the record counts of .shx and .dbf that must agree,
// and the attribute encoding (.cpg, else detected from the .dbf, GBK and UTF-8 both common).
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { detectEncoding, encodingFromCpg, type TextEncodingName } from '../encoding/detect-encoding';
import { ImportError } from '../import-error';
import type { ValidationReport } from '../pipeline/validation-report';

export interface ShapefileParts {
  shp: string;
  dbf?: string;
  shx?: string;
  prj?: string;
  cpg?: string;
}

async function readBytes(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function requireParts(parts: ShapefileParts): Required<Pick<ShapefileParts, 'shp' | 'dbf' | 'shx'>> {
  const name = path.basename(parts.shp);
  if (!parts.dbf)
    throw new ImportError(
      'missing_component',
      `Shapefile缺少.dbf属性文件（${name}） / the shapefile ${name} has no .dbf`,
      { missing: '.dbf', file: name },
    );
  if (!parts.shx)
    throw new ImportError(
      'missing_component',
      `Shapefile缺少.shx索引文件（${name}） / the shapefile ${name} has no .shx`,
      { missing: '.shx', file: name },
    );
  return { shp: parts.shp, dbf: parts.dbf, shx: parts.shx };
}

/** Refuses a shapefile whose .shx (one entry per shape) and .dbf (one record per shape) disagree. */
export async function checkRecordCounts(shx: string, dbf: string): Promise<number> {
  const shxHeader = await readBytes(shx, 0, 100);
  const dbfHeader = await readBytes(dbf, 0, 32);
  if (shxHeader.length < 100 || shxHeader.readInt32BE(0) !== 9994) {
    throw new ImportError('corrupt_file', `.shx文件损坏 / the .shx file is damaged (${path.basename(shx)})`, {
      file: path.basename(shx),
    });
  }
  if (dbfHeader.length < 32) {
    throw new ImportError('corrupt_file', `.dbf文件损坏 / the .dbf file is damaged (${path.basename(dbf)})`, {
      file: path.basename(dbf),
    });
  }
  const shapes = (shxHeader.readInt32BE(24) * 2 - 100) / 8;
  const records = dbfHeader.readUInt32LE(4);
  if (shapes !== records) {
    throw new ImportError(
      'record_count_mismatch',
      `.shp有${shapes}个图形，而.dbf有${records}条记录，两者不一致，文件可能不完整 / the .shp has ${shapes} shapes but the .dbf ${records} records: the shapefile is incomplete`,
      { shapes, records },
    );
  }
  return shapes;
}

/** The .dbf's text encoding: as given, else from the .cpg, else detected from its records. */
export async function shapefileEncoding(
  parts: ShapefileParts & { dbf: string },
  given?: TextEncodingName,
): Promise<{ name: TextEncodingName; how: NonNullable<ValidationReport['source']['encoding']>['how'] }> {
  if (given) return { name: given, how: 'given' };
  if (parts.cpg) {
    const fromCpg = encodingFromCpg(await readFile(parts.cpg, 'utf8'));
    if (fromCpg) return { name: fromCpg, how: 'cpg' };
  }
  const header = await readBytes(parts.dbf, 0, 32);
  const headerLength = header.readUInt16LE(8);
  const sample = await readBytes(parts.dbf, headerLength, 4 * 1024 * 1024);
  const detected = detectEncoding(sample, { sample: true });
  if (!detected) {
    throw new ImportError(
      'encoding',
      '.dbf属性既不是UTF-8也不是GBK编码，请用encoding参数指定 / the .dbf is neither UTF-8 nor GBK: give --encoding',
      { file: path.basename(parts.dbf) },
    );
  }
  return { name: detected, how: 'detected' };
}

/** GDAL's name for our encodings. */
export function gdalEncoding(name: TextEncodingName): string {
  return name === 'GBK' ? 'CP936' : 'UTF-8';
}
