// The app on a free port against the test database, recording the requests it gets, with an API key for
// the layers that are not public;
// and small helpers the WMS suites share: fetching a map, reading its pixels, reading an exception.
import { loadImage, createCanvas } from '@napi-rs/canvas';
import express from 'express';
import { Pool } from 'pg';
import { createApp, healthPoolOf, renderPoolOf } from '../../../spatial-api';
import { issueTestKey } from '../../support/access';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';

export interface WmsServer {
  url: string;
  pool: Pool;
  /** a key that reads every layer, for the ones that are not public */
  apiKey: string;
  /** the URLs requested so far, path and query */
  requests: string[];
  close(): Promise<void>;
}

export async function startWmsServer(): Promise<WmsServer> {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
  const app = express();
  const requests: string[] = [];
  app.use((req, _res, next) => {
    requests.push(req.originalUrl);
    next();
  });
  const platform = createApp({ pool, config: testAppConfig() });
  app.use(platform);
  const server = await listenOnFreePort(app);
  return {
    url: server.url,
    pool,
    apiKey: await issueTestKey(pool, { name: 'WMS tests' }),
    requests,
    close: async () => {
      await server.close();
      await renderPoolOf(platform).close();
      await healthPoolOf(platform).end();
      await pool.end();
    },
  };
}

/** A GetMap URL with sensible defaults; `params` override or add. */
export function getMapUrl(base: string, params: Record<string, string | number>): string {
  const query = new URLSearchParams({
    SERVICE: 'WMS',
    VERSION: '1.3.0',
    REQUEST: 'GetMap',
    STYLES: '',
    FORMAT: 'image/png',
    WIDTH: '64',
    HEIGHT: '64',
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  });
  return `${base}/wms?${query.toString()}`;
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, not premultiplied */
  at(x: number, y: number): [number, number, number, number];
  /** how many pixels have any opacity */
  opaqueCount(): number;
  /** the number of distinct colours */
  colourCount(): number;
  data: Uint8ClampedArray;
}

export async function decodeImage(bytes: Buffer): Promise<Pixels> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const at = (x: number, y: number): [number, number, number, number] => {
    const i = (y * image.width + x) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
  };
  return {
    width: image.width,
    height: image.height,
    at,
    data,
    opaqueCount: () => {
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    },
    colourCount: () => {
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add(((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!) * 256 + data[i + 3]!);
      return seen.size;
    },
  };
}

export async function fetchImage(
  url: string,
): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** The exception code and locator of a WMS ServiceExceptionReport. */
export function serviceException(xml: string): { code: string | undefined; locator: string | undefined } {
  expect(xml).toContain('<ServiceExceptionReport');
  const match = xml.match(/<ServiceException code="([^"]*)" locator="([^"]*)"/);
  return { code: match?.[1], locator: match?.[2] };
}
