// The server's configuration, read once from the environment and passed down. Every setting has a
// default that makes `npm start` work; DATABASE_URL is set by the bootstrap.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..');

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  CLIENT_DIR: z.string().default(path.join(ROOT, 'map-client', 'dist')),
  ONE_BLUEPRINT_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 1024 ** 3),
  TILE_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(256 * 1024 ** 2),
  WMS_MAX_LAYERS: z.coerce.number().int().min(1).default(10),
  WMS_MAX_REQUEST_MEMORY: z.coerce
    .number()
    .int()
    .min(1)
    .default(128 * 1024 ** 2),
  WMS_MAX_RENDERING_MS: z.coerce.number().int().min(1).default(60_000),
  GDAL_MAX_PROCESSES: z.coerce.number().int().min(1).max(256).default(os.availableParallelism()),
  TRUST_PROXY: z.string().default('false'),
  GEOSERVER_URL: z.string().url().optional(),
  GEOSERVER_USER: z.string().optional(),
  GEOSERVER_PASSWORD: z.string().optional(),
});

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  clientDir: string;
  dataDir: string;
  rasterDir: string;
  databasePoolSize: number;
  /** largest upload accepted for an import, bytes */
  importMaxBytes: number;
  uploadDir: string;
  /** bound of the in-process tile cache, bytes */
  tileCacheBytes: number;
  wmsLimits: WmsLimits;
  /** gdalwarp children running at once, across all requests */
  gdalMaxProcesses: number;
  /** which clients' X-Forwarded-* headers count, as Express's `trust proxy` setting */
  trustProxy: TrustProxy;
  geoserver?: { url: string; user: string; password: string };
}

/** WMS resource limits, as GeoServer's: a map beyond them is refused with an OGC exception. */
export interface WmsLimits {
  /** names in LAYERS */
  maxLayers: number;
  /** the memory a map is estimated to take to render: WIDTH × HEIGHT × 4 bytes per canvas */
  maxRequestMemoryBytes: number;
  /** a map not drawn by then is answered with an exception and its work stopped */
  maxRenderingMs: number;
}

/** false (no proxy: the default), true (any client), a hop count, or addresses, subnets and names. */
export type TrustProxy = boolean | number | string[];

/**
 * TRUST_PROXY: `false` or empty (default), `true`, a number of hops, or a comma-separated list of
 * addresses, CIDR subnets and Express's names (`loopback`, `linklocal`, `uniquelocal`).
 */
export function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim();
  if (value === '' || /^false$/i.test(value)) return false;
  if (/^true$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join('.') ?? 'configuration'}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    clientDir: e.CLIENT_DIR,
    dataDir: e.ONE_BLUEPRINT_DATA_DIR,
    rasterDir: path.join(e.ONE_BLUEPRINT_DATA_DIR, 'rasters'),
    databasePoolSize: e.DATABASE_POOL_SIZE,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    uploadDir: path.join(e.ONE_BLUEPRINT_DATA_DIR, 'uploads'),
    tileCacheBytes: e.TILE_CACHE_BYTES,
    wmsLimits: {
      maxLayers: e.WMS_MAX_LAYERS,
      maxRequestMemoryBytes: e.WMS_MAX_REQUEST_MEMORY,
      maxRenderingMs: e.WMS_MAX_RENDERING_MS,
    },
    gdalMaxProcesses: e.GDAL_MAX_PROCESSES,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    ...(e.GEOSERVER_URL
      ? {
          geoserver: {
            url: e.GEOSERVER_URL,
            user: e.GEOSERVER_USER ?? 'admin',
            password: e.GEOSERVER_PASSWORD ?? '',
          },
        }
      : {}),
  };
}
