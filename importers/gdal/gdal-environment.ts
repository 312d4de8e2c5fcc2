// The environment every GDAL child process runs in: only the drivers its work needs (every other one is
// deregistered, as `-if` / allowed drivers do), so no VRT (whose sources may name any file, /vsicurl/ URL
// or raw byte range) unless GDAL builds one itself, no network (HTTP goes to a proxy that refuses), no
// SQLite extensions, no side files. Dataset paths pass through `gdalDatasetPath`, so no user-given /vsi
// prefix reaches GDAL.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ImportError } from '../import-error';

/** The drivers each kind of work opens or writes; everything else is skipped. */
export const GDAL_DRIVERS = {
  shapefile: ['ESRI Shapefile'],
  geoPackage: ['GPKG'],
  fileGeodatabase: ['OpenFileGDB'],
  geoJson: ['GeoJSON'],
  kml: ['LIBKML', 'KML'],
  dxf: ['DXF'],
  csv: ['CSV'],
  geoTiff: ['GTiff'],
  // gdalwarp writes a COG, and reads a COG's overviews, through VRTs of its own making: the input is
  // held to GTiff by `-if GTiff` on each of these commands
  warpToCog: ['GTiff', 'COG', 'VRT', 'MEM'],
  warpToPng: ['GTiff', 'PNG', 'VRT', 'MEM'],
  pixmapToGeoTiff: ['PNM', 'GTiff'],
  crsOnly: [],
} as const satisfies Record<string, readonly string[]>;

/** A port nothing listens on: every HTTP request GDAL makes is refused before it leaves the machine. */
const DEAD_PROXY = '127.0.0.1:9';

const SAFE_CONFIG: Record<string, string> = {
  // where GDAL builds a VRT itself, none reads raw bytes or runs Python (GDAL 3.6 does not know the first
  // option yet and ignores it; the driver list and `-if GTiff` are what keep VRTs out there)
  GDAL_VRT_ENABLE_RAWRASTERBAND: 'NO',
  GDAL_VRT_ENABLE_PYTHON: 'NO',
  // no network: /vsicurl/ and the HTTP-based drivers go through a proxy that refuses the connection
  GDAL_HTTP_PROXY: DEAD_PROXY,
  GDAL_HTTPS_PROXY: DEAD_PROXY,
  GDAL_HTTP_MAX_RETRY: '0',
  GDAL_HTTP_TIMEOUT: '1',
  GDAL_HTTP_CONNECTTIMEOUT: '1',
  CPL_VSIL_CURL_ALLOWED_EXTENSIONS: '.network-access-disabled',
  // SQLite-based formats (GeoPackage): no extensions, no VirtualOGR reached from views or triggers
  OGR_SQLITE_LOAD_EXTENSIONS: '',
  ALLOW_VIRTUAL_OGR_FROM_TRIGGER_AND_VIEW: 'NO',
  // no .aux.xml side files read or written beside the data
  GDAL_PAM_ENABLED: 'NO',
};

/** Inherited variables that would let requests bypass the refusing proxy or load code. */
const DROPPED = ['no_proxy', 'NO_PROXY', 'GDAL_DRIVER_PATH', 'OGR_DRIVER_PATH'];

let registered: Promise<string[]> | undefined;

function formats(tool: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(tool, ['--formats'], { env: baseEnvironment() }, (error, stdout) => {
      if (error) {
        reject(error);
        return;
      }
      // "  ESRI Shapefile -vector- (rw+v): ESRI Shapefile"
      const names = String(stdout)
        .split('\n')
        .map((line) => /^\s+(.+?) -[a-z, ]+- \(/.exec(line)?.[1])
        .filter((name): name is string => name !== undefined);
      resolve(names);
    });
  });
}

/** Every driver this GDAL registers, raster and vector, read once. */
function registeredDrivers(): Promise<string[]> {
  registered ??= Promise.all([formats('gdalinfo'), formats('ogrinfo')]).then(
    ([raster, vector]) => [...new Set([...raster, ...vector])],
    (error: unknown) => {
      registered = undefined;
      throw error;
    },
  );
  return registered;
}

function baseEnvironment(): NodeJS.ProcessEnv {
  // the child needs PATH, PROJ_DATA and the like from the server's own environment
  const env: NodeJS.ProcessEnv = { ...process.env, ...SAFE_CONFIG };
  for (const name of DROPPED) delete env[name];
  return env;
}

/**
 * The environment for a GDAL child process that may use only `drivers` (GDAL names, e.g. "GPKG"):
 * all other registered drivers are skipped through OGR_SKIP (comma-separated, so names with spaces
 * such as "ESRI Shapefile" work), which GDAL applies to raster and vector drivers alike.
 */
export async function gdalEnvironment(drivers: readonly string[]): Promise<NodeJS.ProcessEnv> {
  const allowed = new Set(drivers);
  const skipped = (await registeredDrivers()).filter((name) => !allowed.has(name));
  return { ...baseEnvironment(), OGR_SKIP: skipped.join(',') };
}

/**
 * A file's path as GDAL is given it: absolute (so it can never read as an option), and refused when it
 * holds a /vsi prefix, which GDAL would take as a virtual file system (/vsicurl/, /vsizip/, ...).
 */
export function gdalDatasetPath(file: string, fileName = path.basename(file)): string {
  const absolute = path.resolve(file);
  if (/\/vsi/i.test(absolute) || /\/vsi/i.test(file)) {
    throw new ImportError(
      'unsafe_path',
      `文件路径“${fileName}”含有GDAL虚拟文件系统前缀“/vsi”，不予读取：请改名后重新上传 / ` +
        `the path of "${fileName}" holds a GDAL virtual file system prefix ("/vsi"), which is never read: rename it and upload again`,
      { file: fileName },
    );
  }
  return absolute;
}

/**
 * A layer name as ogr2ogr is given it, positionally: one starting with "-" would be read as an option
 * ("-sql" takes the next argument as a statement), so such names are refused, as are /vsi paths.
 */
export function gdalLayerName(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (name.startsWith('-') || /\/vsi/i.test(name) || /[\u0000-\u001f]/.test(name)) {
    throw new ImportError(
      'unsafe_layer_name',
      `图层名“${name}”以“-”开头或含有“/vsi”或控制字符，会被GDAL当作命令参数或虚拟路径，不予读取：请在源文件中重命名该图层 / ` +
        `the layer name "${name}" starts with "-" or holds "/vsi" or control characters, which GDAL would read as an option ` +
        `or a virtual path: rename the layer in the source file`,
      { parameter: 'sourceLayer', layer: name },
    );
  }
  return name;
}
