// CSV with a WKT column or with X/Y coordinate columns. Text in GBK is converted to UTF-8 for GDAL.
// Chinese survey tables put the northing in X and the easting in Y: when the values say so, the
// columns are read the other way round.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeText, type TextEncodingName } from '../encoding/detect-encoding';
import { GDAL_DRIVERS } from '../gdal/gdal-environment';
import { ImportError } from '../import-error';
import type { VectorSource } from './source';

const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', '几何', '图形'];
const X_NAMES = ['x', 'lon', 'lng', 'longitude', 'easting', '经度', '横坐标', '东坐标'];
const Y_NAMES = ['y', 'lat', 'latitude', 'northing', '纬度', '纵坐标', '北坐标'];

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

const northing = (v: number) => v >= 1_500_000 && v <= 6_300_000;
const easting = (v: number) =>
  (v >= 200_000 && v <= 800_000) || (v % 1_000_000 >= 200_000 && v >= 13_000_000 && v <= 46_000_000);

export async function openCsv(
  file: string,
  fileName: string,
  given?: TextEncodingName,
): Promise<VectorSource> {
  const { text, encoding } = decodeText(await readFile(file), given, fileName);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const find = (names: string[]) => header.find((h) => names.includes(h.toLowerCase()));
  const wkt = find(WKT_NAMES);
  let x = find(X_NAMES);
  let y = find(Y_NAMES);
  if (!wkt && !(x && y)) {
    throw new ImportError(
      'no_geometry_columns',
      `CSV中找不到几何列：需要WKT列，或X/Y（经度/纬度）坐标列；表头为：${header.join(',')} / the CSV has no WKT column and no X/Y columns`,
      {
        header,
      },
    );
  }
  if (!wkt && x && y) {
    const sample = lines.slice(1, 21).map(splitCsvLine);
    const xs = sample.map((r) => Number(r[header.indexOf(x as string)]));
    const ys = sample.map((r) => Number(r[header.indexOf(y as string)]));
    if (xs.length > 0 && xs.every(northing) && ys.every(easting)) [x, y] = [y, x];
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'one-blueprint-csv-'));
  const utf8 = path.join(dir, 'source.csv');
  await writeFile(utf8, text, 'utf8');
  return {
    kind: 'vector',
    format: 'CSV',
    path: utf8,
    access: {
      drivers: GDAL_DRIVERS.csv,
      openOptions: wkt
        ? [`GEOM_POSSIBLE_NAMES=${wkt}`, 'KEEP_GEOM_COLUMNS=NO']
        : [`X_POSSIBLE_NAMES=${x}`, `Y_POSSIBLE_NAMES=${y}`, 'KEEP_GEOM_COLUMNS=NO'],
    },
    encoding: { name: encoding, how: given ? 'given' : 'detected' },
    declarationPresent: false,
    ignoreGdalCrs: true,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
