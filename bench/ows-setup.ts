// What the OWS benchmarks share: the sample city at benchmark size, our server in process (tile cache
// off, so every tile is built), MapServer over FastCGI behind lighttpd on the same PostGIS data, and one
// plain connection for the raw tile query.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client, type Pool } from 'pg';
import { findLayer, listLayers, type LayerSummary } from '../layers';
import {
  createApp,
  createPool,
  DEFAULT_HARDENING,
  generaliseLayers,
  readConfig,
  SESSION_OPTIONS,
} from '../spatial-api';
import { mapfile, mapserverConfig } from './mapserver/mapfile';
import { MAPSERV, startMapServer, type RunningPeer } from './mapserver/lighttpd';

const ROOT = path.resolve(__dirname, '..');
export const LAYER = 'land_use_plan';
const MIN_FEATURES = 500_000;
const SEED_SCALE = 100;

export interface OwsSetup {
  ours: string;
  peer: RunningPeer;
  peerDescription: string;
  client: Client;
  layer: LayerSummary;
  versionId: string;
  features: number;
  /** the city's extent in EPSG:3857: minx, miny, maxx, maxy */
  extent3857: [number, number, number, number];
  close(): Promise<void>;
}

async function featureCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
     WHERE l.code = $1`,
    [LAYER],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Loads the sample city at benchmark size into the bench database unless it is there already. */
export async function ensureCity(pool: Pool, databaseUrl: string, dataDir: string): Promise<number> {
  const count = await seededCity(pool, databaseUrl, dataDir);
  // the generalised forms a running server would build in the background, built before anything is timed
  await generaliseLayers(pool, {
    minFeatures: readConfig({ DATABASE_URL: databaseUrl }).generaliseMinFeatures,
    log: (line) => console.log(`» ${line}`),
  });
  return count;
}

async function seededCity(pool: Pool, databaseUrl: string, dataDir: string): Promise<number> {
  const count = await featureCount(pool);
  if (count >= MIN_FEATURES) return count;
  console.log(`» ${LAYER} has ${count} features: loading the sample city at --scale ${SEED_SCALE} (~2 min)`);
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/seed.ts'), '--scale', String(SEED_SCALE)],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl, ONE_BLUEPRINT_DATA_DIR: dataDir } },
  );
  if (seeded.status !== 0) throw new Error(`seeding the sample city failed (exit ${seeded.status})`);
  return featureCount(pool);
}

export function mapserverVersion(): string {
  const out = execFileSync('mapserv', ['-v'], { encoding: 'utf8' });
  return out.match(/MapServer version \S+/)?.[0] ?? out.trim().split('\n')[0] ?? 'unknown';
}

export interface CityExtents {
  /** lon/lat CGCS2000 */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Web Mercator */
  mx0: number;
  my0: number;
  mx1: number;
  my1: number;
}

/** The extent of a layer version in EPSG:4490 and EPSG:3857. */
export async function cityExtents(pool: Pool, versionId: string): Promise<CityExtents> {
  const { rows } = await pool.query<Record<keyof CityExtents, number>>(
    `WITH e AS (
       SELECT ST_SetSRID(ST_Extent(f.geom)::geometry, 4490) AS g FROM layer_features f WHERE f.layer_version_id = $1
     ), m AS (SELECT g, ST_Transform(g, 3857) AS g3 FROM e)
     SELECT ST_XMin(g) x0, ST_YMin(g) y0, ST_XMax(g) x1, ST_YMax(g) y1,
            ST_XMin(g3) mx0, ST_YMin(g3) my0, ST_XMax(g3) mx1, ST_YMax(g3) my1 FROM m`,
    [versionId],
  );
  const e = rows[0]!;
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, Number(v)])) as unknown as CityExtents;
}

export async function setUpOws(pool: Pool, databaseUrl: string, work: string): Promise<OwsSetup> {
  const dataDir = path.dirname(work);
  const features = await ensureCity(pool, databaseUrl, dataDir);
  const layer = await findLayer(pool, LAYER);
  const { rows: ids } = await pool.query<{ id: string }>(
    'SELECT current_version_id AS id FROM layers WHERE code = $1',
    [LAYER],
  );
  const versionId = ids[0]?.id;
  if (!layer || !versionId) throw new Error(`the layer ${LAYER} is missing in the bench database`);
  const e = await cityExtents(pool, versionId);

  const peer = await startMapServerOnCity(
    pool,
    databaseUrl,
    work,
    [e.x0, e.y0, e.x1, e.y1].map(Number) as Extent,
  );

  const ourServer = await startOurServer(databaseUrl, work);
  const client = new Client({ connectionString: databaseUrl, options: SESSION_OPTIONS });
  await client.connect();

  return {
    ours: ourServer.url,
    peer,
    peerDescription: `${mapserverVersion()} as FastCGI (${MAPSERV}) behind lighttpd mod_fastcgi, 1 process, CLOSE_CONNECTION=DEFER`,
    client,
    layer,
    versionId,
    features,
    extent3857: [e.mx0, e.my0, e.mx1, e.my1].map(Number) as [number, number, number, number],
    close: async () => {
      await client.end();
      await ourServer.close();
      await peer.stop();
    },
  };
}

type Extent = [number, number, number, number];

/** MapServer over the bench database's vector layers, FastCGI behind lighttpd with `processes` mapserv. */
export async function startMapServerOnCity(
  pool: Pool,
  databaseUrl: string,
  work: string,
  extent: Extent,
  processes = 1,
): Promise<RunningPeer> {
  const dir = path.join(work, 'mapserver');
  mkdirSync(dir, { recursive: true });
  const mapPath = path.join(dir, 'ob.map');
  const configPath = path.join(dir, 'mapserver.conf');
  const vectorLayers = (await listLayers(pool)).filter((l) => l.geometryType !== 'Raster');
  writeFileSync(
    mapPath,
    mapfile({
      mapfile: mapPath,
      databaseUrl,
      layers: vectorLayers,
      extent,
      onlineResource: 'http://127.0.0.1/mapserv?map=OB&',
    }),
  );
  writeFileSync(configPath, mapserverConfig(mapPath));
  return startMapServer(dir, configPath, processes);
}

export interface OurServer {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

/**
 * Our server in process on a free port: tile cache off (every tile is built) and the per-caller limits
 * out of the way (the benchmarks measure drawing, streaming and checking, not the limiter).
 */
export async function startOurServer(databaseUrl: string, work: string): Promise<OurServer> {
  const dataDir = path.dirname(work);
  const serverPool = createPool(databaseUrl, 10);
  const { wmsLimits, gdalMaxProcesses, trustProxy } = readConfig({ DATABASE_URL: databaseUrl });
  const app = createApp({
    pool: serverPool,
    config: {
      wmsLimits,
      gdalMaxProcesses,
      trustProxy,
      clientDir: path.join(ROOT, 'map-client', 'dist'),
      uploadDir: path.join(work, 'uploads'),
      rasterDir: path.join(dataDir, 'rasters'),
      importMaxBytes: 256 * 1024 * 1024,
      tileCacheBytes: 0,
      hardening: {
        ...DEFAULT_HARDENING,
        rateLimits: { servicesPerMinute: 1_000_000, signInPerMinute: 30, checksPerMinute: 1_000_000 },
      },
    },
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    pool: serverPool,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await serverPool.end();
    },
  };
}
