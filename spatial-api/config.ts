// The server's configuration, read once from the environment and passed down. Every setting has a
// default that makes `npm start` work; DATABASE_URL is set by the bootstrap.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LOCKOUT, DEFAULT_SESSION_POLICY, type LockoutPolicy, type SessionPolicy } from '../accounts';
import type { RateLimitSettings } from './hardening/rate-limits';

const ROOT = path.resolve(__dirname, '..');

/**
 * Server processes by default: one per 4 cores (at least one, at most 8). A process's own thread spends
 * about 10 ms on an answer (rows, batches, HTTP) while its render threads paint, so one keeps about 4 cores
 * of drawing busy; more processes than that split the maps into separate lines and duplicate their heaps
 * (README, "Server processes").
 */
export function defaultServerProcesses(): number {
  return Math.max(1, Math.min(8, Math.round(os.availableParallelism() / 4)));
}

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
  GENERALISE_MIN_FEATURES: z.coerce.number().int().min(1).default(20_000),
  PLANNING_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(20 * 1024 ** 2),
  WMS_MAX_LAYERS: z.coerce.number().int().min(1).default(10),
  WMS_MAX_REQUEST_MEMORY: z.coerce
    .number()
    .int()
    .min(1)
    .default(128 * 1024 ** 2),
  WMS_MAX_RENDERING_MS: z.coerce.number().int().min(1).default(60_000),
  GDAL_MAX_PROCESSES: z.coerce.number().int().min(1).max(256).default(os.availableParallelism()),
  RENDER_THREADS: z.coerce.number().int().min(1).max(256).default(os.availableParallelism()),
  RENDER_THREAD_HEAP_MB: z.coerce.number().int().min(64).default(2048),
  RENDER_THREAD_NICE: z.coerce.number().int().min(0).max(19).default(10),
  RENDER_MAPS_PER_THREAD: z.coerce.number().int().min(1).max(64).default(1),
  SERVER_PROCESSES: z.coerce.number().int().min(1).max(64).default(defaultServerProcesses()),
  TRUST_PROXY: z.string().default('false'),
  GEOSERVER_URL: z.string().url().optional(),
  GEOSERVER_USER: z.string().optional(),
  GEOSERVER_PASSWORD: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  DEMO_PASSWORD: z.string().min(10, 'DEMO_PASSWORD has at least 10 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  CORS_ORIGINS: z.string().default(''),
  // CSP source expressions: 'self', 'none', a scheme (https:) or a host with optional scheme, *. and port
  BLUEPRINT_FRAME_ANCESTORS: z
    .string()
    .regex(
      /^\s*(('self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*:\/\/)?(\*\.)?[a-z0-9.-]+(:(\d+|\*))?)\s*(,\s*|$))+$/i,
      "comma-separated sources such as 'self' or https://oa.example.gov.cn",
    )
    .optional(),
  /** the former name: hosts framing the pages beside the platform itself */
  FRAME_ANCESTORS: z.string().optional(),
  RATE_LIMIT_SERVICES_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(300_000),
  APPROVAL_NEAR_LIMIT_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .refine(
      (v) => list(v).every((url) => /^postgres(ql)?:\/\//.test(url)),
      'DATABASE_REPLICA_URLS must be postgres:// URLs separated by commas',
    ),
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(5000),
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
  /** largest file attached to a planning opinion, bytes */
  planningAttachmentMaxBytes: number;
  /** bound of the in-process tile cache, bytes */
  tileCacheBytes: number;
  /** layer versions with at least this many features get a generalised form for small scales */
  generaliseMinFeatures: number;
  wmsLimits: WmsLimits;
  /** gdalwarp children running at once, across all requests */
  gdalMaxProcesses: number;
  /**
   * threads painting and encoding maps (render-workers/), for the whole platform: each server process
   * gets its share, at least two (see the README)
   */
  renderThreads: number;
  /** maps a process takes on at once per render thread; more wait in line, first come first served */
  renderMapsPerThread: number;
  /** the JavaScript heap of each render thread, MiB (the canvases' pixels are bounded by wmsLimits) */
  renderThreadHeapMb: number;
  /**
   * the render threads' nice value (0-19): above the processes' own threads, so the event loops (health,
   * WFS, rows from PostgreSQL) are not queued behind painting when the cores are saturated
   */
  renderThreadNice: number;
  /** server processes sharing the port (node:cluster); 1: the platform runs in this process */
  serverProcesses: number;
  /** which clients' X-Forwarded-* headers count, as Express's `trust proxy` setting */
  trustProxy: TrustProxy;
  geoserver?: { url: string; user: string; password: string };
  access: AccessSettings;
  hardening: HardeningSettings;
  /** PEM files for HTTPS; plain HTTP without them */
  tls?: { cert: string; key: string };
  /** bound of every statement on the platform's connections, ms (0: none) */
  statementTimeoutMs: number;
  /** the demo users' password; undefined in production, where there are no demo users */
  demoPassword?: string;
  /** working days left at or below which an approval in progress is flagged (效能督察) */
  approvalNearLimitWorkingDays: number;
  /** hot standbys for the read-only services' queries (spatial-api/replicas/) */
  databaseReplicaUrls: string[];
  /** a standby further behind the primary than this takes no reads, ms */
  replicaMaxLagMs: number;
}

export interface AccessSettings {
  session: SessionPolicy;
  lockout: LockoutPolicy;
}

export const DEFAULT_ACCESS: AccessSettings = { session: DEFAULT_SESSION_POLICY, lockout: DEFAULT_LOCKOUT };

export interface HardeningSettings {
  /** origins whose pages may call the REST API with credentials */
  corsOrigins: string[];
  /** CSP sources that may frame the standard page /blueprint (other pages: only the platform itself) */
  frameAncestors: string[];
  rateLimits: RateLimitSettings;
}

export const DEFAULT_HARDENING: HardeningSettings = {
  corsOrigins: [],
  frameAncestors: ["'self'"],
  rateLimits: { servicesPerMinute: 1200, signInPerMinute: 30, checksPerMinute: 120 },
};

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
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
    planningAttachmentMaxBytes: e.PLANNING_ATTACHMENT_MAX_BYTES,
    tileCacheBytes: e.TILE_CACHE_BYTES,
    generaliseMinFeatures: e.GENERALISE_MIN_FEATURES,
    access: {
      session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
      lockout: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    },
    ...(e.DEMO_PASSWORD && e.NODE_ENV !== 'production' ? { demoPassword: e.DEMO_PASSWORD } : {}),
    hardening: {
      corsOrigins: list(e.CORS_ORIGINS),
      frameAncestors: e.BLUEPRINT_FRAME_ANCESTORS
        ? list(e.BLUEPRINT_FRAME_ANCESTORS)
        : ["'self'", ...list(e.FRAME_ANCESTORS ?? '')],
      rateLimits: {
        servicesPerMinute: e.RATE_LIMIT_SERVICES_PER_MINUTE,
        signInPerMinute: e.RATE_LIMIT_SIGN_IN_PER_MINUTE,
        checksPerMinute: e.RATE_LIMIT_CHECKS_PER_MINUTE,
      },
    },
    ...(e.TLS_CERT && e.TLS_KEY ? { tls: { cert: e.TLS_CERT, key: e.TLS_KEY } } : {}),
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    approvalNearLimitWorkingDays: e.APPROVAL_NEAR_LIMIT_WORKING_DAYS,
    databaseReplicaUrls: list(e.DATABASE_REPLICA_URLS),
    replicaMaxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS,
    wmsLimits: {
      maxLayers: e.WMS_MAX_LAYERS,
      maxRequestMemoryBytes: e.WMS_MAX_REQUEST_MEMORY,
      maxRenderingMs: e.WMS_MAX_RENDERING_MS,
    },
    gdalMaxProcesses: e.GDAL_MAX_PROCESSES,
    renderThreads: e.RENDER_THREADS,
    renderThreadHeapMb: e.RENDER_THREAD_HEAP_MB,
    renderThreadNice: e.RENDER_THREAD_NICE,
    renderMapsPerThread: e.RENDER_MAPS_PER_THREAD,
    serverProcesses: e.SERVER_PROCESSES,
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
