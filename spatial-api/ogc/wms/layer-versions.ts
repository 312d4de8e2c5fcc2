// Which version of each layer a map draws: the current one, or with TIME the one current at that moment
// (the blueprint as of a date), read from the catalog with bound parameters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';

const CURRENT_VERSIONS = readFileSync(path.join(__dirname, 'current-versions.sql'), 'utf8');
const VERSIONS_AS_OF = readFileSync(path.join(__dirname, 'versions-as-of.sql'), 'utf8');

export interface DrawnVersion {
  /** null when the layer had no published version at the moment asked for */
  versionId: string | null;
  /** the raster file of an imagery version */
  filePath: string | null;
}

export async function drawnVersions(
  pool: Pool,
  codes: string[],
  at: Date | null,
): Promise<Map<string, DrawnVersion>> {
  const { rows } = await pool.query<{ code: string; version_id: string | null; file_path: string | null }>(
    at === null ? CURRENT_VERSIONS : VERSIONS_AS_OF,
    at === null ? [codes] : [codes, at],
  );
  return new Map(rows.map((r) => [r.code, { versionId: r.version_id, filePath: r.file_path }]));
}
