// WFS 2.0 GetFeature: one feature type, filtered, sorted and paged in PostGIS, streamed out row by row
// (constant memory whatever the size) as GML 3.2 or GeoJSON; resultType=hits answers the count alone.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import { NAMESPACE_PREFIX, NAMESPACE_URI } from '../feature-types';
import { visibleTo } from '../layer-visibility';
import type { OgcOperation } from '../ows-router';
import { xmlEscape } from '../xml';
import { buildFeatureQuery } from './get-feature-query';
import { getFeatureParams, type GetFeatureParams } from './get-feature-params';
import { GML32_MIME } from './output-formats';
import { requestOrigin } from '../request-origin';

interface FeatureRow {
  id: string;
  feature_key: string | null;
  properties: Record<string, unknown>;
  geometry: string;
}

function selected(params: GetFeatureParams): { name: string }[] {
  return params.propertyNames
    ? params.type.properties.filter((p) => params.propertyNames!.includes(p.name))
    : params.type.properties;
}

function gmlMember(params: GetFeatureParams, row: FeatureRow): string {
  const code = params.type.layer.code;
  const attributes = selected(params)
    .map(({ name }) => {
      const value = row.properties[name];
      return value === undefined || value === null
        ? `<${NAMESPACE_PREFIX}:${name} xsi:nil="true"/>`
        : `<${NAMESPACE_PREFIX}:${name}>${xmlEscape(Array.isArray(value) ? value.join(',') : value)}</${NAMESPACE_PREFIX}:${name}>`;
    })
    .join('');
  const geometry =
    !params.propertyNames || params.propertyNames.includes('geom')
      ? `<${NAMESPACE_PREFIX}:geom>${row.geometry}</${NAMESPACE_PREFIX}:geom>`
      : '';
  return `<wfs:member><${NAMESPACE_PREFIX}:${code} gml:id="${code}.${row.id}">${geometry}${attributes}</${NAMESPACE_PREFIX}:${code}></wfs:member>\n`;
}

/** The geometry is PostGIS's GeoJSON text as it came, spliced in rather than parsed and written again. */
function geojsonFeature(params: GetFeatureParams, row: FeatureRow): string {
  const properties = Object.fromEntries(
    selected(params).map(({ name }) => [name, row.properties[name] ?? null]),
  );
  const id = JSON.stringify(`${params.type.layer.code}.${row.id}`);
  return `{"type":"Feature","id":${id},"properties":${JSON.stringify(properties)},"geometry":${row.geometry}}`;
}

/** Joins many small strings into chunks of about this many characters: one socket write per chunk. */
const CHUNK_CHARS = 64 * 1024;

async function* chunked(parts: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const part of parts) {
    chunk += part;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export function getFeature(pool: Pool, maxCount: number): OgcOperation {
  return async (req, res, kvp) => {
    const params = await getFeatureParams(pool, kvp, maxCount, visibleTo(res));
    const query = buildFeatureQuery(params, params.type.versionId);
    // the count runs beside the page query, on another connection
    const counting = pool.query<{ n: string }>(query.count.text, query.count.values);
    counting.catch(() => undefined); // awaited below; not unhandled if the page query fails first
    const timeStamp = new Date().toISOString();
    const client = await pool.connect();
    let healthy = false;
    try {
      await client.query('BEGIN READ ONLY');
      const stream = params.hits
        ? undefined
        : client.query(new QueryStream(query.page.text, query.page.values, { batchSize: 1000 }));
      const matched = Number((await counting).rows[0]?.n ?? 0);
      const returned = params.hits ? 0 : Math.max(0, Math.min(params.count, matched - params.startIndex));
      const rows = (stream ?? []) as AsyncIterable<FeatureRow>;
      if (params.outputFormat === 'geojson') {
        res.type('application/geo+json; charset=utf-8');
        await pipeline(
          Readable.from(
            chunked(
              (async function* () {
                yield `{"type":"FeatureCollection","timeStamp":"${timeStamp}","numberMatched":${matched},"numberReturned":${returned},"features":[`;
                let first = true;
                for await (const row of rows) {
                  yield `${first ? '' : ','}\n${geojsonFeature(params, row)}`;
                  first = false;
                }
                yield '\n]}\n';
              })(),
            ),
          ),
          res,
        );
      } else {
        const schema = `${requestOrigin(req)}/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=${params.type.typeName}`;
        res.type(`${GML32_MIME}; charset=utf-8`);
        await pipeline(
          Readable.from(
            chunked(
              (async function* () {
                yield `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:${NAMESPACE_PREFIX}="${NAMESPACE_URI}" xsi:schemaLocation="http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd ${NAMESPACE_URI} ${xmlEscape(schema)}" timeStamp="${timeStamp}" numberMatched="${matched}" numberReturned="${returned}">\n`;
                for await (const row of rows) yield gmlMember(params, row);
                yield '</wfs:FeatureCollection>\n';
              })(),
            ),
          ),
          res,
        );
      }
      await client.query('COMMIT');
      healthy = true;
    } finally {
      // a connection left mid-stream (the client went away) is closed rather than reused
      client.release(!healthy);
    }
  };
}
