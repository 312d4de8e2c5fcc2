// Map images encoded here are PNGs that a real decoder (the canvas's own) reads back pixel for pixel,
// with straight alpha kept in RGBA and dropped in RGB.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { encodePng } from '../../../spatial-api/ogc/wms/render/png-encoder';

const WIDTH = 37;
const HEIGHT = 23;

function pattern(): Uint8ClampedArray {
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 4;
      data[i] = (x * 7) % 256;
      data[i + 1] = (y * 11) % 256;
      data[i + 2] = (x * y) % 256;
      data[i + 3] = x < 5 ? 0 : x < 10 ? 255 : 128 + ((x + y) % 100);
    }
  }
  return data;
}

async function decode(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, WIDTH, HEIGHT).data;
}

describe('PNG encoder', () => {
  it('writes the signature, an 8-bit RGBA header and a valid image', async () => {
    const png = await encodePng(pattern(), WIDTH, HEIGHT, false);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([WIDTH, HEIGHT, 8, 6]);
    expect(png.toString('latin1', png.length - 8, png.length - 4)).toBe('IEND');
    const back = await decode(png);
    const source = pattern();
    for (let i = 0; i < source.length; i += 4) {
      const alpha = source[i + 3]!;
      expect(back[i + 3]).toBe(alpha);
      // the canvas keeps premultiplied pixels, so colours of translucent pixels come back rounded
      if (alpha === 255)
        expect(Array.from(back.subarray(i, i + 3))).toEqual(Array.from(source.subarray(i, i + 3)));
      else if (alpha > 0)
        for (let c = 0; c < 3; c++)
          expect(Math.abs(back[i + c]! - source[i + c]!)).toBeLessThanOrEqual(Math.ceil(255 / alpha));
    }
  });

  it('drops the alpha channel of an opaque map (colour type 2)', async () => {
    const source = pattern();
    for (let i = 3; i < source.length; i += 4) source[i] = 255;
    const png = await encodePng(source, WIDTH, HEIGHT, true);
    expect(png[25]).toBe(2);
    expect(Array.from(await decode(png))).toEqual(Array.from(source));
  });
});
