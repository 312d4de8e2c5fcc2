// Small-scale maps of dense layers from their generalisation (layers/generalisation): the groups of the
// band fitting the map's pixel, each split back into its features, which carry their group's property
// values. Used when the layer's version has one, the style's filters read only properties the groups
// carry, and nothing drawn at this scale needs a feature's own label or mark point.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { bandFor, findGeneralisation, type Generalisation } from '../../../../layers';
import { FRAME_MARGIN_PX, frameValues, queryBox, type MapFrame } from './feature-query';
import type { FeatureRowSink } from './feature-decoder';
import { streamRows } from './stream-rows';

const GENERALISED_QUERY =
  readFileSync(path.join(__dirname, 'frame-search.sql'), 'utf8') +
  readFileSync(path.join(__dirname, 'generalised-query.sql'), 'utf8');

/** How long "no generalisation" is believed: one is built in the background after a version is published. */
const ABSENT_FOR_MS = 10_000;

interface Known {
  generalisation: Generalisation | undefined;
  until: number;
}

const known = new Map<string, Known>();

/** A version's generalisation; found ones are kept (a version never changes), absent ones for a while. */
async function generalisationOf(pool: Pool, versionId: string): Promise<Generalisation | undefined> {
  const hit = known.get(versionId);
  if (hit && hit.until > Date.now()) return hit.generalisation;
  const generalisation = await findGeneralisation(pool, versionId);
  known.set(versionId, { generalisation, until: generalisation ? Infinity : Date.now() + ABSENT_FOR_MS });
  return generalisation;
}

/** Forgets what is known of a version (its generalisation was just built or dropped in this process). */
export function forgetGeneralisation(versionId: string): void {
  known.delete(versionId);
}

/** The smaller side of the frame's pixels in degrees (metres read as degrees of latitude elsewhere). */
function pixelDegrees(frame: MapFrame): number {
  const { box, srid } = queryBox(frame);
  const width = frame.width + 2 * FRAME_MARGIN_PX;
  const height = frame.height + 2 * FRAME_MARGIN_PX;
  const pixel = Math.min((box[2] - box[0]) / width, (box[3] - box[1]) / height);
  return srid === 4490 || srid === 4326 ? pixel : pixel / 111_320;
}

export interface GeneralisedSource {
  band: number;
  propertyNames: string[];
}

/**
 * The band of the version's generalisation to draw this frame from, or undefined to read its features:
 * no generalisation, a scale finer than every band, or a style reading what the groups do not carry.
 */
export async function generalisedSource(
  pool: Pool,
  versionId: string,
  frame: MapFrame,
  filterProperties: string[],
): Promise<GeneralisedSource | undefined> {
  const generalisation = await generalisationOf(pool, versionId);
  if (!generalisation) return undefined;
  if (!filterProperties.every((name) => generalisation.propertyNames.includes(name))) return undefined;
  const band = bandFor(pixelDegrees(frame), generalisation.bands);
  return band === undefined ? undefined : { band, propertyNames: generalisation.propertyNames };
}

interface Row {
  shape: Buffer | null;
  property_values: (string | null)[];
}

/**
 * Streams the band's groups in the frame to `onRow` as TWKB collections of their features, with the values
 * they carry (decoded with `members`, feature-decoder.ts); returns how many groups.
 */
export async function streamGeneralisedRows(
  pool: Pool,
  versionId: string,
  source: GeneralisedSource,
  frame: MapFrame,
  properties: string[],
  onRow: FeatureRowSink,
  signal?: AbortSignal,
): Promise<number> {
  const values = [...frameValues(versionId, frame), source.band];
  // where each property the style reads sits in a group's values (-1: not carried, not read at this scale)
  const positions = properties.map((name) => source.propertyNames.indexOf(name));
  let count = 0;
  await streamRows<Row>(
    pool,
    { name: 'wms-generalised-query', text: GENERALISED_QUERY, values },
    (row) => {
      if (!row.shape) return;
      count++;
      onRow(
        row.shape,
        null,
        positions.map((i) => (i < 0 ? null : (row.property_values[i] ?? null))),
      );
    },
    signal,
  );
  return count;
}
