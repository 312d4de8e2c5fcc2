// Where a layer version has features, as the zoom-14 tiles their bounding boxes touch, each with the size
// of the largest feature there: a vector tile whose area (with its buffer) meets none of them, or only
// ones whose features are all too small to be kept at its zoom, is empty, and is answered without asking
// the database.
// Map clients ask for many such tiles around the edges of a city and over sparse control-line layers.
// Versions never change once written, so a version's coverage is read once, in the background, on its
// first tile; until then every tile goes to the database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';

const COVERAGE_SQL = readFileSync(path.join(__dirname, 'tile-coverage.sql'), 'utf8');
const COVERAGE_ZOOM = 14;
/** more covered tiles than this and a version keeps no coverage (every tile goes to the database) */
const MAX_COVERED_TILES = 2_000_000;
/** bounding boxes are padded by this much (degrees, about 10 cm) against rounding in transforms */
const PAD_DEGREES = 1e-6;
/** the tile query's buffer, as a share of the tile's width (ST_TileEnvelope margin) */
const TILE_BUFFER = 1 / 64;
const KEPT_VERSIONS = 256;

/** covered tile → the size of its largest feature; 'none' when a version has no usable coverage; a
 * promise while being read */
type Coverage = Map<number, number> | 'none' | Promise<void>;

export class TileCoverage {
  private readonly versions = new Map<string, Coverage>();

  constructor(private readonly pool: Pool) {}

  /** Reads the coverage of a version (once); resolves when it is known or known to be unavailable. */
  load(versionId: string): Promise<void> {
    const known = this.versions.get(versionId);
    if (known instanceof Promise) return known;
    if (known !== undefined) return Promise.resolve();
    const reading = this.read(versionId);
    this.versions.set(versionId, reading);
    if (this.versions.size > KEPT_VERSIONS) {
      const oldest = this.versions.keys().next().value;
      if (oldest !== undefined) this.versions.delete(oldest);
    }
    return reading;
  }

  private async read(versionId: string): Promise<void> {
    try {
      const { rows } = await this.pool.query<{ tiles: string[] | null; sizes: number[] | null }>(
        COVERAGE_SQL,
        [versionId, COVERAGE_ZOOM, MAX_COVERED_TILES, PAD_DEGREES],
      );
      const { tiles, sizes } = rows[0] ?? {};
      this.versions.set(
        versionId,
        tiles && sizes ? new Map(tiles.map((tile, i) => [Number(tile), Number(sizes[i])])) : 'none',
      );
    } catch {
      this.versions.delete(versionId); // tried again on a later tile
    }
  }

  /**
   * False only when the version certainly has no feature in the tile and its buffer (of at least
   * `minimumSize`, in degrees, when the tile leaves smaller ones out); true while its coverage is unknown
   * (and starts reading it).
   */
  mayHaveFeatures(versionId: string, z: number, x: number, y: number, minimumSize = 0): boolean {
    const coverage = this.versions.get(versionId);
    if (coverage === undefined) void this.load(versionId);
    if (!(coverage instanceof Map)) return true;
    const cells = 2 ** COVERAGE_ZOOM;
    const scale = cells / 2 ** z;
    const margin = scale * TILE_BUFFER;
    const x0 = Math.max(0, Math.floor(x * scale - margin));
    const x1 = Math.min(cells - 1, Math.floor((x + 1) * scale + margin));
    const y0 = Math.max(0, Math.floor(y * scale - margin));
    const y1 = Math.min(cells - 1, Math.floor((y + 1) * scale + margin));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > coverage.size) {
      for (const [cell, size] of coverage) {
        const cx = Math.floor(cell / cells);
        const cy = cell % cells;
        if (size >= minimumSize && cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) return true;
      }
      return false;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) if ((coverage.get(cx * cells + cy) ?? -1) >= minimumSize) return true;
    }
    return false;
  }
}
