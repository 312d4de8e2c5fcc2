// GDAL's WMS driver as a real client: it reads the capabilities (layers as subdatasets, Chinese titles)
// and pulls a map in EPSG:4490 with the WMS 1.3.0 latitude-first BBOX.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeImage, startWmsServer, type WmsServer } from './wms-server';

function run(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, GDAL_HTTP_TIMEOUT: '60', CPL_VSIL_CURL_USE_HEAD: 'NO' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('WMS read by GDAL', () => {
  let wms: WmsServer;
  let dir: string;
  beforeAll(async () => {
    wms = await startWmsServer();
    dir = await mkdtemp(path.join(os.tmpdir(), 'wms-gdal-'));
  });
  afterAll(async () => {
    await wms.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the public layers as subdatasets of the capabilities, anonymously', async () => {
    const { code, stdout, stderr } = await run('gdalinfo', [
      `WMS:${wms.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities`,
    ]);
    expect(stderr).not.toMatch(/ERROR/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/SUBDATASET_\d+_NAME=WMS:.*LAYERS=ob(%3A|:)land_use_plan/);
    expect(stdout).toMatch(/SUBDATASET_\d+_DESC=控制性详细规划用地/);
    expect(stdout).toMatch(/SUBDATASET_\d+_NAME=WMS:.*LAYERS=ob(%3A|:)ecological_red_line/);
    expect(stdout).not.toMatch(/LAYERS=ob(%3A|:)imagery_2024/);
  });

  it('lists the imagery too with a key in the URL, and pulls it with the key', async () => {
    const listed = await run('gdalinfo', [
      `WMS:${wms.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities&apikey=${wms.apiKey}`,
    ]);
    expect(listed.stderr).not.toMatch(/ERROR/);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/SUBDATASET_\d+_NAME=WMS:.*LAYERS=ob(%3A|:)imagery_2024/);
    const out = path.join(dir, 'imagery.png');
    const source = `WMS:${wms.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ob:imagery_2024&CRS=EPSG:4490&BBOX=43.79,87.59,43.81,87.61&apikey=${wms.apiKey}`;
    const pulled = await run('gdal_translate', ['-of', 'PNG', source, out, '-outsize', '64', '64']);
    expect(pulled.stderr).not.toMatch(/ERROR/);
    expect(pulled.code).toBe(0);
    const getMaps = wms.requests.filter((r) => /request=GetMap/i.test(r) && /imagery_2024/.test(r));
    expect(getMaps.length).toBeGreaterThan(0);
    expect(getMaps.every((r) => r.includes(`apikey=${wms.apiKey}`))).toBe(true);
    expect((await decodeImage(await readFile(out))).colourCount()).toBeGreaterThan(10);
  }, 120_000);

  it('pulls a land-use map in EPSG:4490 that is not blank', async () => {
    const out = path.join(dir, 'land-use.png');
    const source = `WMS:${wms.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ob:land_use_plan&CRS=EPSG:4490&BBOX=43.75,87.55,43.85,87.65`;
    const { code, stderr } = await run('gdal_translate', [
      '-of',
      'PNG',
      source,
      out,
      '-outsize',
      '256',
      '256',
    ]);
    expect(stderr).not.toMatch(/ERROR/);
    expect(code).toBe(0);
    const getMaps = wms.requests.filter((r) => /request=GetMap/i.test(r));
    expect(getMaps.length).toBeGreaterThan(0);
    expect(getMaps[0]).toMatch(/crs=EPSG:4490/i);
    const pixels = await decodeImage(await readFile(out));
    expect([pixels.width, pixels.height]).toEqual([256, 256]);
    // parcels in many land-use colours, not one flat background
    expect(pixels.colourCount()).toBeGreaterThan(20);
  }, 120_000);
});
