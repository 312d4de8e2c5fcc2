// Which version of each layer a map draws: the current one (from the catalog snapshot), or with TIME the
// one current at that moment (the blueprint as of a date), read from the catalog with bound parameters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import type { CatalogSnapshot } from '../../../layers';

const VERSIONS_AS_OF = readFileSync(path.join(__dirname, 'versions-as-of.sql'), 'utf8');

export interface DrawnVersion {
  /** null when the layer had no published version at the moment asked for */
  versionId: string | null;
  /** the raster file of an imagery version */
  filePath: string | null;
}

export async function drawnVersions(
  pool: Pool,
  catalog: CatalogSnapshot,
  codes: string[],
  at: Date | null,
): Promise<Map<string, DrawnVersion>> {
  if (at === null) {
    return new Map(
      codes.map((code) => {
        const current = catalog.current.get(code);
        return [code, { versionId: current?.versionId ?? null, filePath: current?.filePath ?? null }];
      }),
    );
  }
  const { rows } = await pool.query<{ code: string; version_id: string | null; file_path: string | null }>(
    VERSIONS_AS_OF,
    [codes, at],
  );
  return new Map(rows.map((r) => [r.code, { versionId: r.version_id, filePath: r.file_path }]));
}
