// A synthetic remote-sensing image over the city centre: roads dark, roofs grey and beige, parks and
// fields green, water dark blue, with texture noise. An RGB pixel buffer in the local frame; the loader
// turns it into a Cloud-Optimized GeoTIFF with GDAL.
import type { CityPlan } from './city-plan';
import type { Block } from './land-use';
import { rotate, type Point } from './plane';

export interface ImageryRaster {
  width: number;
  height: number;
  /** interleaved RGB, row 0 at the top (north) */
  rgb: Uint8Array;
  /** local frame extent [minX, minY, maxX, maxY], metres */
  extent: [number, number, number, number];
}

function hash(x: number, y: number): number {
  let h = (Math.imul(x, 374761393) + Math.imul(y, 668265263)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const BUILT: [number, number, number][] = [
  [150, 148, 140],
  [178, 168, 150],
  [120, 122, 126],
  [196, 186, 170],
  [140, 110, 95],
];

function colourOf(block: Block | undefined, uv: Point): [number, number, number] {
  if (!block) return [196, 178, 140]; // bare land
  const use = block.primaryUse;
  if (use.startsWith('14')) return [70, 120, 60];
  if (use === '16') return [186, 170, 130];
  const cell = hash(Math.floor(uv[0] / 40), Math.floor(uv[1] / 40));
  return cell < 0.15 ? [90, 130, 75] : (BUILT[Math.floor(cell * BUILT.length)] as [number, number, number]);
}

/** Renders `sizePx` × `sizePx` pixels over a square of `spanM` metres centred on the city centre. */
export function renderImagery(plan: CityPlan, blocks: Block[], sizePx: number, spanM: number): ImageryRaster {
  const rgb = new Uint8Array(sizePx * sizePx * 3);
  const half = spanM / 2;
  const step = spanM / sizePx;
  const { uLines, vLines } = plan.grid;
  const cellIndex = new Map<string, Block>();
  for (const block of blocks) cellIndex.set(block.id, block);
  const lineIndex = (lines: number[], value: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] as number) <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (let row = 0; row < sizePx; row++) {
    const y = half - (row + 0.5) * step;
    const riverX = riverXAt(plan.river, y);
    for (let col = 0; col < sizePx; col++) {
      const x = -half + (col + 0.5) * step;
      const uv = rotate([x, y], -plan.grid.angle);
      const i = lineIndex(uLines, uv[0]);
      const j = lineIndex(vLines, uv[1]);
      const block = cellIndex.get(`${String(i).padStart(2, '0')}${String(j).padStart(2, '0')}`);
      const inBlock =
        block !== undefined &&
        uv[0] > block.uv[0] &&
        uv[0] < block.uv[2] &&
        uv[1] > block.uv[1] &&
        uv[1] < block.uv[3];
      let colour: [number, number, number];
      if (Math.abs(x - riverX) < 40) colour = [52, 78, 96];
      else if (block && !inBlock)
        colour = [72, 72, 76]; // road
      else colour = colourOf(inBlock ? block : undefined, uv);
      const noise = (hash(col, row) - 0.5) * 28;
      const at = (row * sizePx + col) * 3;
      rgb[at] = Math.max(0, Math.min(255, colour[0] + noise));
      rgb[at + 1] = Math.max(0, Math.min(255, colour[1] + noise));
      rgb[at + 2] = Math.max(0, Math.min(255, colour[2] + noise));
    }
  }
  return { width: sizePx, height: sizePx, rgb, extent: [-half, -half, half, half] };
}

/** The river runs south to north: its x at a given y, interpolated between its vertices. */
function riverXAt(river: Point[], y: number): number {
  for (let i = 0; i + 1 < river.length; i++) {
    const [x1, y1] = river[i] as Point;
    const [x2, y2] = river[i + 1] as Point;
    if (y >= y1 && y <= y2) return x1 + ((x2 - x1) * (y - y1)) / (y2 - y1 || 1);
  }
  return Infinity;
}
