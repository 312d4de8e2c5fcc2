// OWS benchmarks: WMS GetMap and WFS GetFeature against MapServer (FastCGI behind lighttpd) on the same
// PostGIS data, and vector tiles against the raw ST_AsMVT query; sequential requests after a warm-up,
// the same seeded random extents and tiles for both, taken in turns (the first of each pair swapping), medians
// and 95th percentiles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { tileAttributes } from '../spatial-api/tiles/tile-attributes';
import { minimumFeatureSize } from '../spatial-api/tiles/tile-generalisation';
import type { BenchRow } from './import-cases';
import { LAYER, setUpOws, type OwsSetup } from './ows-setup';
import { formatTiming, pairedFigures, seededRandom, timeInterleaved, type Timing } from './timing';

type Case = (pool: Pool, databaseUrl: string, work: string) => Promise<BenchRow>;

const SEED = 20240601;
const CENTRE = { lon: 87.6, lat: 43.8 };
const MVT_TILE = readFileSync(path.resolve(__dirname, '../spatial-api/tiles/mvt-tile.sql'), 'utf8');
/** Vector tiles the query makes in less than this are compared by the time added, the rest by ratio. */
const SMALL_TILE_MS = 10;
/** Web Mercator metres per ground metre at the city's latitude */
const MERCATOR_STRETCH = 1 / Math.cos((CENTRE.lat * Math.PI) / 180);

interface Fetched {
  status: number;
  type: string;
  body: Buffer;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', body };
}

function expectOk(what: string, r: Fetched, type: RegExp): void {
  if (r.status !== 200 || !type.test(r.type)) {
    throw new Error(`${what}: HTTP ${r.status} ${r.type}: ${r.body.toString('utf8', 0, 400)}`);
  }
}

function row(name: string, ours: Timing, peer: Timing, peerLabel: string, note: string): BenchRow {
  return {
    name,
    ours: formatTiming(ours),
    peer: `${formatTiming(peer)} (${peerLabel})`,
    ratio: ours.medianMs / peer.medianMs,
    note,
  };
}

/** Random EPSG:3857 boxes of `spanGround` metres across (ground), aspect w:h, inside the city. */
function randomBoxes(
  setup: OwsSetup,
  count: number,
  spanGround: number,
  width: number,
  height: number,
): string[] {
  const random = seededRandom(SEED + spanGround + width);
  const [x0, y0, x1, y1] = setup.extent3857;
  const w = Math.min(spanGround * MERCATOR_STRETCH, x1 - x0);
  const h = Math.min((w * height) / width, y1 - y0);
  return Array.from({ length: count }, () => {
    const minx = x0 + random() * (x1 - x0 - w);
    const miny = y0 + random() * (y1 - y0 - h);
    return [minx, miny, minx + w, miny + h].map((v) => v.toFixed(2)).join(',');
  });
}

function wmsCase(
  label: string,
  width: number,
  height: number,
  spanGround: number | 'city',
  runs: number,
  warmUp: number,
) {
  return async (setup: OwsSetup): Promise<BenchRow> => {
    const [x0, , x1] = setup.extent3857;
    const span = spanGround === 'city' ? (x1 - x0) / MERCATOR_STRETCH : spanGround;
    const boxes = randomBoxes(setup, runs + warmUp, span, width, height);
    const common = `SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:3857&WIDTH=${width}&HEIGHT=${height}&FORMAT=image/png&TRANSPARENT=TRUE`;
    const ourUrl = (i: number) => `${setup.ours}/ows?${common}&LAYERS=ob:${LAYER}&BBOX=${boxes[i]}`;
    const peerUrl = (i: number) => `${setup.peer.url}&${common}&LAYERS=${LAYER}&BBOX=${boxes[i]}`;
    let ourBytes = 0;
    let peerBytes = 0;
    const { ours, peer } = await timeInterleaved(
      runs,
      warmUp,
      async (i) => {
        const r = await get(ourUrl(i));
        expectOk('our GetMap', r, /^image\/png/);
        if (i >= warmUp) ourBytes += r.body.length;
      },
      async (i) => {
        const r = await get(peerUrl(i));
        expectOk('MapServer GetMap', r, /^image\/png/);
        if (i >= warmUp) peerBytes += r.body.length;
      },
    );
    return row(
      `WMS GetMap ${width}×${height} PNG, ${label} (~${(span / 1000).toFixed(span < 1000 ? 1 : 0)} km across), EPSG:3857`,
      ours,
      peer,
      'MapServer',
      `${runs} random boxes, seed ${SEED}; mean PNG ours ${(ourBytes / runs / 1024).toFixed(0)} KiB, MapServer ${(peerBytes / runs / 1024).toFixed(0)} KiB`,
    );
  };
}

function wfsCase(count: number, runs: number, warmUp: number) {
  return async (setup: OwsSetup): Promise<BenchRow> => {
    const ourUrl = `${setup.ours}/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:${LAYER}&COUNT=${count}&OUTPUTFORMAT=application/json`;
    let peerFormat = 'geojson';
    const peerUrl = () =>
      `${setup.peer.url}&SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=${LAYER}&COUNT=${count}&OUTPUTFORMAT=${peerFormat}`;
    const probe = await get(peerUrl());
    if (probe.status !== 200 || !/json/.test(probe.type)) peerFormat = 'application/gml%2Bxml;%20version=3.2';
    const ourProbe = await get(ourUrl);
    expectOk('our GetFeature', ourProbe, /json/);
    const ourFeatures = (JSON.parse(ourProbe.body.toString('utf8')) as { features: unknown[] }).features
      .length;
    const peerProbe = await get(peerUrl());
    expectOk('MapServer GetFeature', peerProbe, /json|xml/);
    const peerFeatures = /json/.test(peerProbe.type)
      ? (JSON.parse(peerProbe.body.toString('utf8')) as { features: unknown[] }).features.length
      : (peerProbe.body.toString('utf8').match(/<wfs:member>/g) ?? []).length;
    const { ours, peer } = await timeInterleaved(
      runs,
      warmUp,
      async () => expectOk('our GetFeature', await get(ourUrl), /json/),
      async () => expectOk('MapServer GetFeature', await get(peerUrl()), /json|xml/),
    );
    const label = peerFormat === 'geojson' ? 'MapServer, GeoJSON via OGR' : 'MapServer, GML 3.2 (no GeoJSON)';
    return row(
      `WFS 2.0 GetFeature ${count.toLocaleString('en')} features as GeoJSON`,
      ours,
      peer,
      label,
      `${runs} requests; features returned ours ${ourFeatures}, MapServer ${peerFeatures}; bodies ours ${(ourProbe.body.length / 1024 ** 2).toFixed(1)} MiB, MapServer ${(peerProbe.body.length / 1024 ** 2).toFixed(1)} MiB`,
    );
  };
}

function tileOf(z: number): { x: number; y: number } {
  const n = 2 ** z;
  const lat = (CENTRE.lat * Math.PI) / 180;
  return {
    x: Math.floor(((CENTRE.lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n),
  };
}

function mvtCase(z: number, radius: number, runs: number, warmUp: number) {
  return async (setup: OwsSetup): Promise<BenchRow> => {
    const random = seededRandom(SEED + z);
    const centre = tileOf(z);
    const tiles = Array.from({ length: runs + warmUp }, () => ({
      x: centre.x + Math.floor(random() * (2 * radius + 1)) - radius,
      y: centre.y + Math.floor(random() * (2 * radius + 1)) - radius,
    }));
    let ourBytes = 0;
    let peerBytes = 0;
    const attributes = tileAttributes(setup.layer, z) ?? null;
    const { ours, peer, pairs } = await timeInterleaved(
      runs,
      warmUp,
      async (i) => {
        const t = tiles[i]!;
        const r = await get(`${setup.ours}/tiles/${LAYER}/${z}/${t.x}/${t.y}.mvt`, {
          'Accept-Encoding': 'identity',
        });
        expectOk('our tile', r, /vnd\.mapbox-vector-tile/);
        if (i >= warmUp) ourBytes += r.body.length;
      },
      async (i) => {
        const t = tiles[i]!;
        const { rows } = await setup.client.query<{ tile: Buffer | null }>(MVT_TILE, [
          setup.versionId,
          z,
          t.x,
          t.y,
          LAYER,
          attributes,
          minimumFeatureSize(z) ?? null,
        ]);
        if (i >= warmUp) peerBytes += rows[0]?.tile?.length ?? 0;
      },
    );
    const paired = pairedFigures(pairs, SMALL_TILE_MS);
    return {
      ...row(
        `MVT tile z${z} around (87.6E, 43.8N), land_use_plan`,
        ours,
        peer,
        'raw ST_AsMVT query, one connection',
        `${runs} random tiles within ±${radius} of ${z}/${centre.x}/${centre.y}; tile cache off; mean tile ours ${(ourBytes / runs / 1024).toFixed(1)} KiB, SQL ${(peerBytes / runs / 1024).toFixed(1)} KiB; ` +
          `tile by tile: ${paired.small} under ${SMALL_TILE_MS} ms by the query, ours median +${paired.smallExtraMs.toFixed(1)} ms; ` +
          `${paired.large} of ${SMALL_TILE_MS} ms and more, ours median ${paired.largeRatio.toFixed(2)}× (ratio column: the median of the tiles' ratios)`,
      ),
      ratio: paired.ratio,
    };
  };
}

const SPECS: ((setup: OwsSetup) => Promise<BenchRow>)[] = [
  wmsCase('street scale', 256, 256, 600, 100, 5),
  wmsCase('district scale', 1024, 768, 8000, 50, 3),
  wmsCase('city scale', 1024, 768, 'city', 12, 2),
  wfsCase(1000, 50, 3),
  wfsCase(50_000, 6, 1),
  mvtCase(10, 1, 60, 3),
  mvtCase(13, 4, 80, 5),
  mvtCase(16, 20, 100, 5),
];

let shared: Promise<OwsSetup> | undefined;

export const owsCases: Case[] = SPECS.map((spec, index) => async (pool, databaseUrl, work) => {
  if (!shared) {
    shared = setUpOws(pool, databaseUrl, work).then((setup) => {
      console.log(
        `» peer: ${setup.peerDescription}\n» ours: createApp in process at ${setup.ours}\n» data: ${setup.features.toLocaleString('en')} ${LAYER} features`,
      );
      return setup;
    });
  }
  const setup = await shared;
  try {
    return await spec(setup);
  } finally {
    if (index === SPECS.length - 1) {
      shared = undefined;
      await setup.close();
    }
  }
});
