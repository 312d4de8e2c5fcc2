// The environment every GDAL child process runs in, checked on GDAL itself: handed a VRT directly (not
// through an upload's checks), GDAL does not open it, reaches no URL, and only the drivers named may open
// anything.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { GDAL_DRIVERS, gdalEnvironment } from '../../../importers';
import { ogr2ogr, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';

const run = promisify(execFile);
const dir = workDir('gdal-environment-');
let requests: string[] = [];
let listener: Server;
let baseUrl: string;

beforeAll(async () => {
  listener = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => listener.close(resolve)));

/** Runs a GDAL tool in the safe environment for `drivers`; resolves to its exit code and output. */
async function gdal(tool: string, args: string[], drivers: readonly string[]) {
  const env = await gdalEnvironment(drivers);
  return run(tool, args, { env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
}

describe('the GDAL environment', () => {
  it('opens no VRT handed to it, even one named .vrt', async () => {
    const vrt = path.join(dir, 'passwd.vrt');
    writeFileSync(
      vrt,
      `<VRTDataset rasterXSize="64" rasterYSize="4"><VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
       <SourceFilename relativetoVRT="0">/etc/passwd</SourceFilename><ImageOffset>0</ImageOffset>
       <PixelOffset>1</PixelOffset><LineOffset>64</LineOffset></VRTRasterBand></VRTDataset>`,
    );
    expect((await gdal('gdalinfo', ['-checksum', vrt], GDAL_DRIVERS.geoTiff)).code).not.toBe(0);
    // the warp to a COG keeps GDAL's own VRT driver, so the input is held to GTiff
    const out = path.join(dir, 'out.tif');
    const warp = await gdal(
      'gdalwarp',
      ['-q', '-if', 'GTiff', '-of', 'COG', vrt, out],
      GDAL_DRIVERS.warpToCog,
    );
    expect(warp.code).not.toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('sends no request to a /vsicurl/ URL', async () => {
    requests = [];
    const result = await gdal('gdalinfo', [`/vsicurl/${baseUrl}/scene.tif`], GDAL_DRIVERS.geoTiff);
    expect(result.code).not.toBe(0);
    expect(requests).toEqual([]);
  });

  it('lets only the drivers named open a file', async () => {
    const geojson = writeJson(dir, 'parcels.geojson', sourceParcels(2));
    const gpkg = path.join(dir, 'parcels.gpkg');
    ogr2ogr(['-f', 'GPKG', gpkg, geojson]);
    expect((await gdal('ogrinfo', ['-ro', '-so', gpkg], GDAL_DRIVERS.geoPackage)).code).toBe(0);
    expect((await gdal('ogrinfo', ['-ro', '-so', gpkg], GDAL_DRIVERS.geoJson)).code).not.toBe(0);
    expect((await gdal('ogrinfo', ['-ro', '-so', geojson], GDAL_DRIVERS.geoPackage)).code).not.toBe(0);
  });
});
