// GetLegendGraphic draws a legend row per style rule: a swatch in the rule's colour and its Chinese name.
import { decodeImage, fetchImage, startWmsServer, type WmsServer } from './wms-server';

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

  it('draws a legend for imagery and for a layer without a style', async () => {
    const res = await fetchImage(legendUrl(`LAYER=ob:imagery_2024&FORMAT=image/png&apikey=${wms.apiKey}`));
    expect(res.status).toBe(200);
    expect((await decodeImage(res.bytes)).colourCount()).toBeGreaterThan(10);
  });
});
