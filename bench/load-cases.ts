// `npm run bench -- load`: city systems at once. Our server as `npm start` runs it (its default server
// processes, one per 4 cores, and a render thread per core) and MapServer as FastCGI behind lighttpd with a
// mapserv process per core, on the same --scale 100 city and the same classes, each taking a closed-loop
// load of 16 and then 64 callers for LOAD_SECONDS: a mix of
// WMS GetMap 256×256 (random boxes from street to city scale), WFS GetFeature (a random few hundred metres,
// up to 200 features) and 256×256 map tiles (z11-z16; ours /tiles/…png, MapServer's GetMap of the tile's
// box), the same seeded sequence for both. Throughput, latency quantiles and errors, and /api/v1/health's
// latency meanwhile; then the whole city at 1024×768 with the standard overlay, one request at a time.
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { BenchRow } from './import-cases';
import { defaultServerProcesses } from '../spatial-api';
import { probe, runLoad, type LoadResult } from './load-generator';
import { startServeProcesses } from './load-server';
import {
  cityExtents,
  ensureCity,
  LAYER,
  mapserverVersion,
  startMapServerOnCity,
  type CityExtents,
} from './ows-setup';
import { seededRandom, summarise, timeInterleaved, formatTiming } from './timing';

const SEED = 20261202;
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CLIENTS = (process.env.LOAD_CLIENTS ?? '16,64').split(',').map(Number);
const STANDARD_OVERLAY = ['land_use_plan', 'ecological_red_line', 'permanent_basic_farmland', 'districts'];
const CENTRE_LAT = 43.8;
const MERCATOR_STRETCH = 1 / Math.cos((CENTRE_LAT * Math.PI) / 180);
const R = 6_378_137;

interface Target {
  getMap(layers: string[], bbox3857: number[], width: number, height: number): string;
  getFeature(bboxLatLon: number[]): string;
  tile(z: number, x: number, y: number): string;
}

const GETMAP =
  'SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:3857&FORMAT=image/png&TRANSPARENT=TRUE';
const GETFEATURE = 'SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=200';

/** The box in EPSG:3857 of tile z/x/y. */
function tileBox(z: number, x: number, y: number): number[] {
  const size = (2 * Math.PI * R) / 2 ** z;
  const minx = -Math.PI * R + x * size;
  const maxy = Math.PI * R - y * size;
  return [minx, maxy - size, minx + size, maxy];
}

function ours(url: string): Target {
  return {
    getMap: (layers, b, w, h) =>
      `${url}/ows?${GETMAP}&LAYERS=${layers.map((l) => `ob:${l}`).join(',')}&BBOX=${b.join(',')}&WIDTH=${w}&HEIGHT=${h}`,
    getFeature: (b) =>
      `${url}/ows?${GETFEATURE}&TYPENAMES=ob:${LAYER}&OUTPUTFORMAT=application/json&BBOX=${b.join(',')},urn:ogc:def:crs:EPSG::4490`,
    tile: (z, x, y) => `${url}/tiles/${LAYER}/${z}/${x}/${y}.png`,
  };
}

function mapServer(url: string, wfsFormat: string): Target {
  const getMap: Target['getMap'] = (layers, b, w, h) =>
    `${url}&${GETMAP}&LAYERS=${layers.join(',')}&BBOX=${b.join(',')}&WIDTH=${w}&HEIGHT=${h}`;
  return {
    getMap,
    getFeature: (b) =>
      `${url}&${GETFEATURE}&TYPENAMES=${LAYER}&OUTPUTFORMAT=${wfsFormat}&BBOX=${b.join(',')},urn:ogc:def:crs:EPSG::4490`,
    tile: (z, x, y) => getMap([LAYER], tileBox(z, x, y), 256, 256),
  };
}

interface Request {
  /** for the breakdown of latencies: the operation and its scale */
  kind: string;
  url: (target: Target) => string;
}

/** A GetMap's scale by the ground width of its box. */
function mapScale(widthM: number): string {
  if (widthM < 2000) return 'GetMap, street (< 2 km)';
  if (widthM < 20_000) return 'GetMap, district (2-20 km)';
  return 'GetMap, city (≥ 20 km)';
}

/** The seeded mix: half GetMap, a quarter GetFeature, a quarter tiles. */
function requestMix(e: CityExtents, count: number): Request[] {
  const random = seededRandom(SEED);
  const cityWidthGround = (e.mx1 - e.mx0) / MERCATOR_STRETCH;
  return Array.from({ length: count }, (_, i): Request => {
    const kind = i % 4;
    if (kind <= 1) {
      // street (600 m) to city scale, log-uniform
      const ground = Math.min(600 * (cityWidthGround / 600) ** random(), cityWidthGround);
      const span = ground * MERCATOR_STRETCH;
      const minx = e.mx0 + random() * (e.mx1 - e.mx0 - span);
      const miny = e.my0 + random() * Math.max(0, e.my1 - e.my0 - span);
      const box = [minx, miny, minx + span, miny + span].map((v) => Number(v.toFixed(2)));
      return { kind: mapScale(ground), url: (t) => t.getMap([LAYER], box, 256, 256) };
    }
    if (kind === 2) {
      const spanDeg = (300 + random() * 700) / 111_000;
      const lon = e.x0 + random() * (e.x1 - e.x0 - spanDeg * 1.4);
      const lat = e.y0 + random() * (e.y1 - e.y0 - spanDeg);
      // WFS 2.0 in urn:ogc:def:crs:EPSG::4490: latitude first
      const box = [lat, lon, lat + spanDeg, lon + spanDeg * 1.4].map((v) => Number(v.toFixed(6)));
      return { kind: 'GetFeature', url: (t) => t.getFeature(box) };
    }
    const z = 11 + Math.floor(random() * 6);
    const lon = e.x0 + random() * (e.x1 - e.x0);
    const lat = e.y0 + random() * (e.y1 - e.y0);
    const n = 2 ** z;
    const x = Math.floor(((lon + 180) / 360) * n);
    const phi = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n);
    return { kind: z <= 12 ? 'tile z11-12' : 'tile z13-16', url: (t) => t.tile(z, x, y) };
  });
}

const acceptAnswer = (status: number, type: string) => status === 200 && /image\/png|json|xml/.test(type);

/** Requests answered as asked, per second: a refusal (503 from a gate) is quick but is no answer. */
function answeredPerSecond(r: LoadResult): number {
  return (r.requests - r.errors) / r.seconds;
}

/** p95 and the share over 5 s of each kind of request, slowest first */
function byKind(r: LoadResult): string {
  return [...r.answeredByKind]
    .map(([kind, ms]) => ({ kind, ms, p95: summarise(ms).p95Ms }))
    .sort((a, b) => b.p95 - a.p95)
    .map(
      ({ kind, ms, p95 }) =>
        `${kind}: ${ms.length} answers, p95 ${(p95 / 1000).toFixed(1)} s, ${ms.filter((x) => x > 5000).length} over 5 s`,
    )
    .join('; ');
}

function describe(r: LoadResult, healthMs?: number[]): string {
  // the answers' latencies: a quick refusal would flatter them
  const t = summarise(r.answeredMs);
  const sorted = [...r.answeredMs].sort((a, b) => a - b);
  const p99 = sorted[Math.floor((sorted.length - 1) * 0.99)] ?? NaN;
  const max = sorted[sorted.length - 1] ?? NaN;
  const over5 = sorted.filter((ms) => ms > 5000).length;
  const health = healthMs
    ? `; health p95 ${summarise(healthMs).p95Ms.toFixed(0)} ms, max ${Math.max(...healthMs).toFixed(0)} ms`
    : '';
  return (
    `${answeredPerSecond(r).toFixed(1)} answers/s (answers: median ${t.medianMs.toFixed(0)} ms, p95 ${t.p95Ms.toFixed(0)} ms, ` +
    `p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms, ${over5} over 5 s), ${r.errors} errors or refusals${health}`
  );
}

export async function loadCases(pool: Pool, databaseUrl: string, work: string): Promise<BenchRow[]> {
  const dataDir = path.dirname(work);
  const features = await ensureCity(pool, databaseUrl, dataDir);
  const { rows } = await pool.query<{ id: string }>(
    'SELECT current_version_id AS id FROM layers WHERE code = $1',
    [LAYER],
  );
  const extents = await cityExtents(pool, rows[0]!.id);
  const processes = os.availableParallelism();
  const peer = await startMapServerOnCity(
    pool,
    databaseUrl,
    work,
    [extents.x0, extents.y0, extents.x1, extents.y1],
    processes,
  );
  // ours as `npm start` runs it: its default processes unless SERVER_PROCESSES says otherwise
  const ourProcesses = Number(process.env.SERVER_PROCESSES ?? defaultServerProcesses());
  console.log(
    `» our server: scripts/serve.ts with SERVER_PROCESSES=${ourProcesses} (first start may compute conflicts)`,
  );
  const server = await startServeProcesses(databaseUrl, dataDir, ourProcesses);
  try {
    // MapServer writes GeoJSON through OGR where it is built with it, GML 3.2 otherwise
    const probeFormat = await fetch(mapServer(peer.url, 'geojson').getFeature([43.8, 87.6, 43.801, 87.601]));
    const wfsFormat = /json/.test(probeFormat.headers.get('content-type') ?? '')
      ? 'geojson'
      : 'application/gml%2Bxml;%20version=3.2';
    const targets = { ours: ours(server.url), peer: mapServer(peer.url, wfsFormat) };
    const mix = requestMix(extents, 200_000);
    const label = `MapServer FastCGI, ${processes} processes`;
    const note = `${features.toLocaleString('en')} ${LAYER} features; ${LOAD_SECONDS} s each, the same seeded mix (½ GetMap 256², ¼ WFS GetFeature ≤200 as ${wfsFormat === 'geojson' ? 'GeoJSON' : 'GeoJSON (ours) / GML (MapServer)'}, ¼ 256² tiles z11-z16); ours ${ourProcesses} server process${ourProcesses > 1 ? 'es' : ''} with ${os.availableParallelism()} render threads, tile cache off; ${mapserverVersion()}`;
    const result: BenchRow[] = [];
    for (const clients of CLIENTS) {
      const run = async (target: Target) =>
        runLoad({
          clients,
          durationMs: LOAD_SECONDS * 1000,
          request: (i) => mix[i % mix.length]!.url(target),
          accept: acceptAnswer,
          kindOf: (i) => mix[i % mix.length]!.kind,
        });
      // a short warm-up of both, then the measured runs, MapServer first at 16 and ours first at 64
      await runLoad({
        clients: 4,
        durationMs: 3000,
        request: (i) => mix[i]!.url(targets.ours),
        accept: acceptAnswer,
      });
      await runLoad({
        clients: 4,
        durationMs: 3000,
        request: (i) => mix[i]!.url(targets.peer),
        accept: acceptAnswer,
      });
      const order = clients === 16 ? (['peer', 'ours'] as const) : (['ours', 'peer'] as const);
      const measured: Partial<Record<'ours' | 'peer', { load: LoadResult; health?: number[] }>> = {};
      for (const side of order) {
        const health = side === 'ours' ? probe(`${server.url}/api/v1/health`) : null;
        const load = await run(targets[side]);
        measured[side] = { load, ...(health ? { health: await health.stop() } : {}) };
      }
      const o = measured.ours!;
      const p = measured.peer!;
      const oursRps = answeredPerSecond(o.load);
      const peerRps = answeredPerSecond(p.load);
      result.push({
        name: `load: ${clients} concurrent callers, mixed GetMap / GetFeature / tiles`,
        ours: describe(o.load, o.health),
        peer: `${describe(p.load)} (${label})`,
        // time per answer: below 1 means more answers per second than MapServer
        ratio: peerRps / oursRps,
        note: `${note}; ours by kind: ${byKind(o.load)}; MapServer by kind: ${byKind(p.load)}${o.load.firstError ? `; our first error: ${o.load.firstError}` : ''}${p.load.firstError ? `; MapServer's first error: ${p.load.firstError}` : ''}`,
      });
    }
    const city = [extents.mx0, extents.my0, extents.mx1, extents.my1];
    const cityBox = [city[0]!, city[1]!, city[2]!, city[1]! + ((city[2]! - city[0]!) * 768) / 1024];
    const overlay = await timeInterleaved(
      6,
      1,
      async () =>
        void (await (await fetch(targets.ours.getMap(STANDARD_OVERLAY, cityBox, 1024, 768))).arrayBuffer()),
      async () =>
        void (await (await fetch(targets.peer.getMap(STANDARD_OVERLAY, cityBox, 1024, 768))).arrayBuffer()),
    );
    result.push({
      name: `whole city 1024×768, standard overlay (${STANDARD_OVERLAY.join(', ')})`,
      ours: formatTiming(overlay.ours),
      peer: `${formatTiming(overlay.peer)} (${label})`,
      ratio: overlay.ours.medianMs / overlay.peer.medianMs,
      note: 'one request at a time, turns swapping; target under 1 s',
    });
    return result;
  } finally {
    await server.stop();
    await peer.stop();
  }
}
