// The catalog as the map services read it on every request (every live layer, its current version and
// raster file), kept per connection pool and read again only when the layers table has changed. The
// check is one aggregate over the catalog's few rows: a row added, changed (a new current version, a
// style, a soft delete) or removed changes their count or the sum of their transaction ids (xmin),
// whichever process made the change. Only committed rows count, so a request never gets a catalog older
// than the last commit it could see.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listLayers, type LayerSummary } from './layer-catalog';
import type { Pool } from 'pg';

const CURRENT_VERSIONS = readFileSync(path.join(__dirname, 'current-versions.sql'), 'utf8');
const STAMP = `SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) AS stamp FROM layers`;

export interface CurrentVersion {
  versionId: string;
  /** the raster file of an imagery version, relative to the raster directory */
  filePath: string | null;
}

export interface CatalogSnapshot {
  /** as listLayers gives them */
  layers: LayerSummary[];
  /** by layer code, for the layers that have a current version */
  current: Map<string, CurrentVersion>;
}

const snapshots = new WeakMap<Pool, { stamp: string; snapshot: Promise<CatalogSnapshot> }>();

async function loadSnapshot(db: Pool): Promise<CatalogSnapshot> {
  const [layers, { rows }] = await Promise.all([
    listLayers(db),
    db.query<{ code: string; version_id: string; file_path: string | null }>(CURRENT_VERSIONS),
  ]);
  return {
    layers,
    current: new Map(rows.map((r) => [r.code, { versionId: r.version_id, filePath: r.file_path }])),
  };
}

/** The catalog now (the snapshot is kept per pool). */
export async function readCatalog(db: Pool): Promise<CatalogSnapshot> {
  // a named statement: parsed and planned once per connection, which is most of its cost
  const { rows } = await db.query<{ stamp: string }>({ name: 'catalog-stamp', text: STAMP });
  const stamp = rows[0]?.stamp ?? '';
  const kept = snapshots.get(db);
  if (kept?.stamp === stamp) return kept.snapshot;
  // read after the stamp: a change committed in between is read now and read again next time
  const snapshot = loadSnapshot(db);
  snapshots.set(db, { stamp, snapshot });
  snapshot.catch(() => {
    if (snapshots.get(db)?.snapshot === snapshot) snapshots.delete(db);
  });
  return snapshot;
}
