// Uploads made to make GDAL read outside them: a .tif holding VRT XML that reads /etc/passwd or a URL, a
// GeoPackage whose schema loads extensions, a KML with a network link, a table named like an option, a
// .gdb folder that is no File Geodatabase. Each is refused with an ImportError naming the problem, writes
// nothing, and no request leaves the machine. The files are made here, by GDAL's tools and by hand.
import { signIn, type SignedIn } from '../../support/access';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Pool } from 'pg';
import { ImportError, importFile } from '../../../importers';
import { createLayer } from '../../../layers';
import { createApp, importJobsOf } from '../../../spatial-api';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';
import {
  currentFeatures,
  freshLayer,
  ogr2ogr,
  sourceParcels,
  versionCount,
  workDir,
  writeJson,
} from '../../support/import-fixtures';
import { writeZip } from '../../support/zip-writer';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
const dir = workDir('hostile-');
const rasterDir = path.join(dir, 'rasters');
const good = writeJson(dir, 'good.geojson', sourceParcels(5));

/** A local HTTP server that counts the requests it gets: GDAL must send it none. */
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
beforeEach(() => {
  requests = [];
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
  await pool.end();
});

async function imageryLayer(): Promise<string> {
  const code = `hostile_imagery_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await createLayer(pool, { code, name: '测试影像', kind: 'imagery', geometryType: 'Raster' });
  return code;
}

/** Imports `file` into `layer`, expects an ImportError with `code`, and that no version was made. */
async function refuses(
  layer: string,
  file: string,
  code: string,
  extra: { sourceLayer?: string } = {},
): Promise<ImportError> {
  const before = await versionCount(pool, layer);
  const error = await importFile(pool, {
    layer,
    file,
    fileName: path.basename(file),
    rasterDir,
    ...extra,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  expect((error as ImportError).message).toMatch(/ \/ /); // Chinese, then English
  expect(await versionCount(pool, layer)).toBe(before);
  return error as ImportError;
}

/** VRT XML whose one band reads the bytes of `source` raw, 64 to a line. */
function rawBandVrt(source: string): string {
  return `<VRTDataset rasterXSize="64" rasterYSize="16">
  <SRS>EPSG:4490</SRS>
  <GeoTransform>87.6, 0.0001, 0, 43.8, 0, -0.0001</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
    <SourceFilename relativetoVRT="0">${source}</SourceFilename>
    <ImageOffset>0</ImageOffset>
    <PixelOffset>1</PixelOffset>
    <LineOffset>64</LineOffset>
  </VRTRasterBand>
</VRTDataset>
`;
}

/** VRT XML whose one band is read from the GeoTIFF at `url`. */
function remoteSourceVrt(url: string): string {
  return `<VRTDataset rasterXSize="64" rasterYSize="16">
  <SRS>EPSG:4490</SRS>
  <GeoTransform>87.6, 0.0001, 0, 43.8, 0, -0.0001</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1">
    <SimpleSource>
      <SourceFilename relativeToVRT="0">${url}</SourceFilename>
      <SourceBand>1</SourceBand>
    </SimpleSource>
  </VRTRasterBand>
</VRTDataset>
`;
}

describe('an upload that would make GDAL read outside it is refused', () => {
  it('a .tif holding VRT XML that reads /etc/passwd', async () => {
    const file = path.join(dir, 'evil.tif');
    writeFileSync(file, rawBandVrt('/etc/passwd'));
    const error = await refuses(await imageryLayer(), file, 'not_geotiff');
    expect(error.details).toEqual({ file: 'evil.tif' });
  });

  it('a .tif holding VRT XML that reads a /vsicurl/ URL, and no request leaves', async () => {
    const file = path.join(dir, 'remote.tif');
    writeFileSync(file, remoteSourceVrt(`/vsicurl/${baseUrl}/secret.tif`));
    await refuses(await imageryLayer(), file, 'not_geotiff');
    expect(requests).toEqual([]);
  });

  it('a .geojson holding OGR VRT XML that reads another file on the server', async () => {
    const secret = path.join(dir, 'secret.csv');
    writeFileSync(secret, 'name,value\nsecret,hunter2\n');
    const file = path.join(dir, 'evil.geojson');
    const square = 'POLYGON ((87.6 43.8, 87.601 43.8, 87.601 43.801, 87.6 43.801, 87.6 43.8))';
    writeFileSync(
      file,
      `<OGRVRTDataSource><OGRVRTLayer name="parcels">
         <SrcDataSource relativeToVRT="0">${secret}</SrcDataSource>
         <SrcSQL dialect="OGRSQL">SELECT *, '${square}' AS wkt FROM secret</SrcSQL>
         <GeometryType>wkbPolygon</GeometryType><LayerSRS>EPSG:4490</LayerSRS>
         <GeometryField encoding="WKT" field="wkt"/>
       </OGRVRTLayer></OGRVRTDataSource>`,
    );
    const layer = await freshLayer(pool, { attributeSchema: [] });
    await refuses(layer, file, 'unreadable_file');
  });

  it('a GeoPackage whose view loads an SQLite extension', async () => {
    const gpkg = path.join(dir, 'extension.gpkg');
    ogr2ogr(['-f', 'GPKG', gpkg, good, '-nln', 'parcels']);
    execFileSync(
      'ogrinfo',
      [gpkg, '-sql', "CREATE VIEW evil AS SELECT load_extension('/tmp/evil.so') AS x"],
      {
        stdio: 'ignore',
      },
    );
    const error = await refuses(await freshLayer(pool), gpkg, 'external_reference');
    expect(error.details.objects).toEqual([{ type: 'view', name: 'evil', reason: 'load_extension' }]);
  });

  it('a KML with a network link, and no request leaves', async () => {
    const kml = path.join(dir, 'linked.kml');
    ogr2ogr(['-f', 'KML', kml, good, '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4326']);
    const link = `<NetworkLink><name>更多</name><Link><href>${baseUrl}/more.kml</href></Link></NetworkLink>`;
    writeFileSync(kml, readFileSync(kml, 'utf8').replace('<Folder>', `${link}<Folder>`));
    const error = await refuses(await freshLayer(pool), kml, 'external_reference');
    expect(error.details.references).toEqual([
      { element: 'NetworkLink' },
      { element: 'href', target: `${baseUrl}/more.kml` },
    ]);
    expect(requests).toEqual([]);
  });

  it('a GeoPackage table named "-sql", which ogr2ogr would read as an option', async () => {
    const gpkg = path.join(dir, 'option-name.gpkg');
    ogr2ogr(['-f', 'GPKG', gpkg, good, '-nln', 'parcels']);
    execFileSync('ogrinfo', [gpkg, '-sql', 'ALTER TABLE parcels RENAME TO "-sql"'], { stdio: 'ignore' });
    const error = await refuses(await freshLayer(pool), gpkg, 'unsafe_layer_name');
    expect(error.details).toEqual({ parameter: 'sourceLayer', layer: '-sql' });
  });

  it('a zipped .gdb folder that holds a Shapefile instead of a File Geodatabase', async () => {
    const shp = path.join(dir, 'not-a-gdb');
    ogr2ogr(['-f', 'ESRI Shapefile', shp, good, '-nln', 'parcels']);
    const zip = path.join(dir, 'not-a-gdb.zip');
    writeFileSync(
      zip,
      writeZip(
        ['shp', 'shx', 'dbf', 'prj'].map((ext) => ({
          name: `survey.gdb/parcels.${ext}`,
          data: readFileSync(path.join(shp, `parcels.${ext}`)),
        })),
      ),
    );
    await refuses(await freshLayer(pool), zip, 'unreadable_file');
  });

  it('a zipped Shapefile whose folder would give GDAL a /vsi path', async () => {
    const shp = path.join(dir, 'vsi-folder');
    ogr2ogr(['-f', 'ESRI Shapefile', shp, good, '-nln', 'parcels']);
    const zip = path.join(dir, 'vsi-folder.zip');
    writeFileSync(
      zip,
      writeZip(
        ['shp', 'shx', 'dbf', 'prj'].map((ext) => ({
          name: `vsicurl/parcels.${ext}`,
          data: readFileSync(path.join(shp, `parcels.${ext}`)),
        })),
      ),
    );
    const error = await refuses(await freshLayer(pool), zip, 'unsafe_path');
    expect(error.details).toEqual({ file: 'parcels.shp' });
  });
});

describe('what stays importable', () => {
  it('a KML whose styles name http icons, which GDAL never fetches', async () => {
    const kml = path.join(dir, 'styled.kml');
    ogr2ogr(['-f', 'KML', kml, good, '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4326']);
    const style = `<Style id="s"><IconStyle><Icon><href>${baseUrl}/pin.png</href></Icon></IconStyle></Style>`;
    writeFileSync(kml, readFileSync(kml, 'utf8').replace('<Folder>', `${style}<Folder>`));
    const layer = await freshLayer(pool);
    await importFile(pool, { layer, file: kml, fileName: 'styled.kml', rasterDir });
    expect(await currentFeatures(pool, layer)).toHaveLength(5);
    expect(requests).toEqual([]);
  });
});

describe('over the REST API', () => {
  const app = createApp({ pool, config: testAppConfig() });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  // the layers made here are not public, and imports need the right to manage layers
  let planner: SignedIn | undefined;
  const asPlanner = async (url: string, init: RequestInit = {}) => {
    planner ??= await signIn(server.url, 'planner');
    return fetch(url, {
      ...init,
      headers: planner.headers(init.headers as Record<string, string> | undefined),
    });
  };
  beforeAll(async () => {
    server = await listenOnFreePort(app);
  });
  afterAll(async () => {
    await importJobsOf(app).settle();
    await server.close();
  });

  it('an uploaded evil.tif holding VRT XML ends as a failed job naming the problem, and no version', async () => {
    const layer = await imageryLayer();
    const form = new FormData();
    form.append('file', new Blob([rawBandVrt('/etc/passwd')]), 'evil.tif');
    const res = await asPlanner(`${server.url}/api/v1/layers/${layer}/imports`, {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string } };
    await importJobsOf(app).settle();
    const finished = (await (await asPlanner(`${server.url}/api/v1/imports/${job.id}`)).json()) as {
      job: { status: string; version: number | null; error: { code: string; message: string } | null };
    };
    expect(finished.job).toMatchObject({ status: 'failed', version: null, error: { code: 'not_geotiff' } });
    expect(finished.job.error?.message).toContain('evil.tif');
    expect(await versionCount(pool, layer)).toBe(0);
  });
});
