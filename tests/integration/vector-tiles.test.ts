// Vector tiles: TileJSON, gzip, fewer attributes at small scales, and a new layer version changing
// exactly that layer's tiles and ETags.
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import path from 'node:path';
import { importFile } from '../../importers';
import { issueTestKey } from '../support/access';
import { useTestServer } from '../support/test-server';
import { freshLayer, sourceParcels, workDir, writeJson } from '../support/import-fixtures';

const server = useTestServer();
const { pool } = server;
/** a key for the layers that are not public: the imagery, and the layers the tests make */
let apiKey = '';
beforeAll(async () => {
  apiKey = await issueTestKey(pool, { name: 'tile tests' });
});
const keyed = (headers: Record<string, string> = {}) => ({ authorization: `Bearer ${apiKey}`, ...headers });

/** GET without automatic decompression: status, headers and raw body. */
function raw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [x, y];
}

describe('vector tiles', () => {
  it('describes a layer with TileJSON', async () => {
    const doc = (await (await fetch(`${server.url}/tiles/land_use_plan.json`)).json()) as Record<
      string,
      unknown
    >;
    expect(doc).toMatchObject({ tilejson: '3.0.0', name: '控制性详细规划用地', maxzoom: 22 });
    expect((doc.tiles as string[])[0]).toMatch(/\/tiles\/land_use_plan\/\{z\}\/\{x\}\/\{y\}\.mvt/);
    expect((doc.vector_layers as { fields: Record<string, string> }[])[0]!.fields).toMatchObject({
      land_use_code: 'String',
      plot_ratio: 'Number',
    });
  });

  it('sends gzip to clients that accept it and keeps only styled attributes below zoom 13', async () => {
    const [x10, y10] = lonLatToTile(87.59, 43.8, 10);
    const small = await raw(`/tiles/land_use_plan/10/${x10}/${y10}.mvt`, { 'Accept-Encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBe('gzip');
    const smallTile = gunzipSync(small.body);
    expect(smallTile.includes(Buffer.from('land_use_code'))).toBe(true);
    expect(smallTile.includes(Buffer.from('plot_ratio'))).toBe(false);
    const [x15, y15] = lonLatToTile(87.59, 43.8, 15);
    const large = await raw(`/tiles/land_use_plan/15/${x15}/${y15}.mvt`);
    expect(large.headers['content-encoding']).toBeUndefined();
    expect(large.body.includes(Buffer.from('plot_ratio'))).toBe(true);
  });

  it('serves a new version at once, with a new ETag, after an import', async () => {
    const layer = await freshLayer(pool);
    const dir = workDir('tiles-');
    await importFile(pool, {
      layer,
      file: writeJson(dir, 'v1.geojson', sourceParcels(4)),
      rasterDir: path.join(dir, 'r'),
    });
    const [x, y] = lonLatToTile(87.5505, 43.7805, 14);
    const first = await raw(`/tiles/${layer}/14/${x}/${y}.mvt`, keyed());
    expect(first.status).toBe(200);
    expect(first.body.length).toBeGreaterThan(0);
    const again = await raw(
      `/tiles/${layer}/14/${x}/${y}.mvt`,
      keyed({ 'If-None-Match': String(first.headers.etag) }),
    );
    expect(again.status).toBe(304);
    await importFile(pool, {
      layer,
      file: writeJson(dir, 'v2.geojson', sourceParcels(4, { startLon: 88.5 })),
      rasterDir: path.join(dir, 'r'),
    });
    const second = await raw(
      `/tiles/${layer}/14/${x}/${y}.mvt`,
      keyed({ 'If-None-Match': String(first.headers.etag) }),
    );
    expect(second.status).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    expect(second.body.length).toBe(0); // the new version has nothing in this tile
  });

  it('leaves polygons under half a display pixel out below zoom 13, and keeps them from 13 on', async () => {
    const square = (code: string, lon: number, lat: number, side: number) => ({
      type: 'Feature',
      properties: { code, name: code },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + side, lat],
            [lon + side, lat + side],
            [lon, lat + side],
            [lon, lat],
          ],
        ],
      },
    });
    const layer = await freshLayer(pool);
    const dir = workDir('tiles-');
    await importFile(pool, {
      layer,
      file: writeJson(dir, 'sizes.geojson', {
        type: 'FeatureCollection',
        features: [square('BIG-0001', 87.7, 43.9, 0.01), square('TINY-0001', 87.7055, 43.9155, 0.00005)],
      }),
      rasterDir: path.join(dir, 'r'),
    });
    for (const [z, tinyShown] of [
      [10, false],
      [12, false],
      [13, true],
      [16, true],
    ] as const) {
      const [x, y] = lonLatToTile(87.70551, 43.91551, z);
      const tile = await raw(`/tiles/${layer}/${z}/${x}/${y}.mvt`, keyed());
      expect(tile.status).toBe(200);
      if (z <= 13) expect(tile.body.includes(Buffer.from('BIG-0001'))).toBe(true);
      expect([z, tile.body.includes(Buffer.from('TINY-0001'))]).toEqual([z, tinyShown]);
    }
  });

  it('answers 404 for an unknown layer and 400 for a tile out of range', async () => {
    expect((await raw('/tiles/no_such_layer/1/0/0.mvt')).status).toBe(404);
    expect((await raw('/tiles/land_use_plan/2/4/0.mvt')).status).toBe(400);
    expect((await raw('/tiles/imagery_2024/1/0/0.mvt', keyed())).status).toBe(404);
  });
});

describe('raster tiles', () => {
  /** Share of the tile's pixels that are not fully transparent. */
  async function paintedShare(png: Buffer): Promise<number> {
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    return painted / (image.width * image.height);
  }

  /** Width and height from a PNG's IHDR chunk, after checking the signature. */
  function pngSize(png: Buffer): [number, number] {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  }

  it('draws imagery and styled vector layers as 256-pixel PNG tiles', async () => {
    const [x, y] = lonLatToTile(87.6, 43.8, 14);
    const imagery = await raw(`/tiles/imagery_2024/14/${x}/${y}.png`, keyed());
    expect(imagery.status).toBe(200);
    expect(imagery.headers['content-type']).toBe('image/png');
    expect(pngSize(imagery.body)).toEqual([256, 256]);
    expect(await paintedShare(imagery.body)).toBeGreaterThan(0.9);
    const plan = await raw(`/tiles/land_use_plan/14/${x}/${y}.png`);
    expect(pngSize(plan.body)).toEqual([256, 256]);
    expect(await paintedShare(plan.body)).toBeGreaterThan(0.3);
    expect(
      (await raw(`/tiles/land_use_plan/14/${x}/${y}.png`, { 'If-None-Match': String(plan.headers.etag) }))
        .status,
    ).toBe(304);
    const outside = await raw('/tiles/land_use_plan/14/0/0.png');
    expect(pngSize(outside.body)).toEqual([256, 256]);
    expect(await paintedShare(outside.body)).toBe(0);
  });
});
