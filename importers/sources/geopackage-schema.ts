// A GeoPackage is a SQLite database, and its schema may carry SQL that runs when it is read: views (read
// as layers), triggers, generated columns, virtual tables backed by modules that open other files. Any of
// these that could reach outside the file (extensions, GDAL's VirtualOGR and ogr_/gdal_ SQL functions,
// attached databases, /vsi paths, virtual tables other than the R*Tree spatial index) refuses the upload.
import { ImportError } from '../import-error';
import { GDAL_DRIVERS, gdalDatasetPath } from '../gdal/gdal-environment';
import { runGdal } from '../gdal/run-gdal';

const SQLITE_HEADER = 'SQLite format 3\0';

const OUTSIDE_READING = [
  /\b(?:load_extension|readfile|writefile|edit|fts3_tokenizer|zipfile|fsdir)\s*\(/i,
  /\b(?:ogr|gdal)_\w+\s*\(/i,
  /\bVirtual(?:OGR|Shape|Dbf|Text|XL|Network|Elementary|KNN|Routing)\b/i,
  /\bATTACH\s+(?:DATABASE\s+)?['"(]/i,
  /\/vsi/i,
  /\bfile:/i,
];

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

export function hasSqliteHeader(head: Buffer): boolean {
  return head.subarray(0, SQLITE_HEADER.length).toString('latin1') === SQLITE_HEADER;
}

/** Why a schema object may read outside the file, or undefined when it cannot. */
function outsideReading(object: SchemaObject): string | undefined {
  const sql = object.sql ?? '';
  const virtual = /^\s*CREATE\s+VIRTUAL\s+TABLE\s+.*?\bUSING\s+(\w+)/is.exec(sql);
  if (virtual && virtual[1]?.toLowerCase() !== 'rtree') return `virtual table module ${virtual[1]}`;
  const match = OUTSIDE_READING.map((pattern) => pattern.exec(sql)?.[0]).find(Boolean);
  return match ? match.replace(/\s*\($/, '') : undefined;
}

async function schemaObjects(file: string, fileName: string): Promise<SchemaObject[]> {
  let text: string;
  try {
    // reading sqlite_master runs none of the SQL it holds
    text = await runGdal(
      'ogr2ogr',
      [
        '-f',
        'GeoJSON',
        '/vsistdout/',
        gdalDatasetPath(file, fileName),
        '-sql',
        'SELECT type, name, sql FROM sqlite_master',
      ],
      [...GDAL_DRIVERS.geoPackage, 'GeoJSON'],
    );
  } catch (error) {
    throw new ImportError(
      'unreadable_file',
      `GDAL无法读取该GeoPackage / GDAL cannot read the GeoPackage: ${(error as Error).message}`,
      { file: fileName },
    );
  }
  const collection = JSON.parse(text) as { features: { properties: SchemaObject }[] };
  return collection.features.map((f) => f.properties);
}

export async function refuseOutsideReadingSchema(file: string, fileName: string): Promise<void> {
  const found = (await schemaObjects(file, fileName)).flatMap((object) => {
    const reason = outsideReading(object);
    return reason ? [{ type: object.type, name: object.name, reason }] : [];
  });
  if (found.length > 0) {
    const list = found.map((f) => `${f.type} ${f.name}（${f.reason}）`).join('、');
    throw new ImportError(
      'external_reference',
      `GeoPackage“${fileName}”中的${list}可能读取文件之外的数据或加载扩展，不予导入：请只导出要素表后重新上传 / ` +
        `the GeoPackage "${fileName}" holds schema objects that may read outside the file or load extensions ` +
        `(${found.map((f) => `${f.type} ${f.name}: ${f.reason}`).join('; ')}): export plain feature tables and upload again`,
      { file: fileName, objects: found },
    );
  }
}
