// GetLegendGraphic draws a legend row per style rule: a swatch in the rule's colour and its Chinese name.
import path from 'node:path';
import { importFile } from '../../../importers';
import { softDeleteLayer } from '../../../layers';
import { freshLayer, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';
import { decodeImage, fetchImage, startWmsServer, type WmsServer } from './wms-server';

/** The legend's padding and its default swatch size, in pixels. */
const PADDING = 4;
const SWATCH = 20;

describe('GetLegendGraphic', () => {
  let wms: WmsServer;
  beforeAll(async () => {
    wms = await startWmsServer();
  });
  afterAll(() => wms.close());

  const legendUrl = (params: string) =>
    `${wms.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&${params}`;

  it('draws the land-use legend, one row per land-use class, with swatches and Chinese names', async () => {
    const res = await fetchImage(legendUrl('LAYER=ob:land_use_plan&FORMAT=image/png'));
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/png');
    const pixels = await decodeImage(res.bytes);
    expect(pixels.height).toBeGreaterThan(20 * 20); // dozens of classes
    expect(pixels.width).toBeGreaterThan(60); // swatch and text
    expect(pixels.colourCount()).toBeGreaterThan(30); // class colours and anti-aliased glyphs
    // the first row's swatch is 耕地 (#F5F8DC), framed by its outline
    const [r, g, b] = pixels.at(4 + 10, 4 + 10);
    expect([r, g, b].every((c, i) => Math.abs(c - [0xf5, 0xf8, 0xdc][i]!) < 40)).toBe(true);
    // text is drawn to the right of the swatches: dark pixels there
    let dark = 0;
    for (let y = 0; y < pixels.height; y++)
      for (let x = 32; x < pixels.width; x++) if (pixels.at(x, y)[0] < 100) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('keeps to the size the capabilities advertise', async () => {
    const caps = await (await fetch(`${wms.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities`)).text();
    const advertised = caps.match(
      /<LegendURL width="(\d+)" height="(\d+)">\s*<Format>image\/png<\/Format>\s*<OnlineResource xlink:type="simple" xlink:href="[^"]*LAYER=ob%3Aecological_red_line/,
    );
    expect(advertised).not.toBeNull();
    const pixels = await decodeImage(
      (await fetchImage(legendUrl('LAYER=ob:ecological_red_line&FORMAT=image/png'))).bytes,
    );
    expect([pixels.width, pixels.height]).toEqual([Number(advertised![1]), Number(advertised![2])]);
  });

  it('draws one rule, with a swatch of the size asked for', async () => {
    const res = await fetchImage(
      legendUrl(
        `LAYER=ob:land_use_plan&FORMAT=image/png&WIDTH=40&HEIGHT=30&RULE=${encodeURIComponent('01 耕地')}`,
      ),
    );
    const pixels = await decodeImage(res.bytes);
    expect(pixels.height).toBe(30 + 2 * 4);
  });

  it('draws a legend for imagery: one row with a landscape-coloured swatch', async () => {
    const res = await fetchImage(legendUrl(`LAYER=ob:imagery_2024&FORMAT=image/png&apikey=${wms.apiKey}`));
    expect(res.status).toBe(200);
    const pixels = await decodeImage(res.bytes);
    expect(pixels.height).toBe(2 * PADDING + SWATCH);
    expect(pixels.colourCount()).toBeGreaterThan(10);
  });

  it('draws the default legend for a vector layer without a style: one row, a plain outline', async () => {
    const layer = await freshLayer(wms.pool, { prefix: 'legend_test' });
    try {
      const dir = workDir('legend-');
      await importFile(wms.pool, {
        layer,
        file: writeJson(dir, 'parcels.geojson', sourceParcels(3)),
        rasterDir: path.join(dir, 'r'),
      });
      const { rows } = await wms.pool.query<{ style: unknown }>('SELECT style FROM layers WHERE code = $1', [
        layer,
      ]);
      expect(rows[0]?.style).toBeNull();

      const res = await fetchImage(legendUrl(`LAYER=ob:${layer}&FORMAT=image/png&apikey=${wms.apiKey}`));
      expect(res.status).toBe(200);
      expect(res.type).toBe('image/png');
      const pixels = await decodeImage(res.bytes);
      // one row: the swatch and the layer's name
      expect(pixels.height).toBe(2 * PADDING + SWATCH);
      // the swatch is an unfilled polygon outlined one pixel inside its box in the default blue (#3C64B4),
      // anti-aliased over the white ground: each edge pixel is that blue blended with white
      const blueOverWhite = ([r, g, b]: number[]) => {
        const share = (255 - r!) / (255 - 0x3c);
        const fits = [g! - (255 - share * (255 - 0x64)), b! - (255 - share * (255 - 0xb4))];
        return fits.every((d) => Math.abs(d) <= 6) ? share : 0;
      };
      const middle = PADDING + SWATCH / 2;
      const left = blueOverWhite(pixels.at(PADDING, middle)) + blueOverWhite(pixels.at(PADDING + 1, middle));
      const top = blueOverWhite(pixels.at(middle, PADDING)) + blueOverWhite(pixels.at(middle, PADDING + 1));
      expect(left).toBeGreaterThan(0.8);
      expect(top).toBeGreaterThan(0.8);
      expect(pixels.at(middle, middle)).toEqual([255, 255, 255, 255]);
      // and the name is written to its right
      let dark = 0;
      for (let y = 0; y < pixels.height; y++)
        for (let x = PADDING + SWATCH + 2; x < pixels.width; x++) if (pixels.at(x, y)[0] < 100) dark++;
      expect(dark).toBeGreaterThan(100);
    } finally {
      await softDeleteLayer(wms.pool, layer);
    }
  });
});
