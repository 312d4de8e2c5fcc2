// The built client as a browser gets it: index.html (never cached) names the content-hashed entry script,
// stylesheet and preloaded chunks; each asset comes brotli- or gzip-compressed as the browser accepts (the
// bytes decompress to the file itself), or plain when it accepts neither, cached for a year as immutable; a
// name that is not a built file, a precompressed file asked for by name, or a path out of the folder is a 404.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { useTestServer } from '../../support/test-server';
import { testAppConfig } from '../../support/app-config';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly the headers given (fetch would add and undo its own compression). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const assetsDir = path.join(testAppConfig().clientDir, 'assets');

describe('client assets', () => {
  const server = useTestServer();
  let script: string;
  let stylesheet: string;
  let preloads: string[];

  beforeAll(async () => {
    const index = await rawGet(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const html = index.body.toString('utf8');
    script = /<script type="module" src="(\/assets\/main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1] ?? '';
    stylesheet = /<link rel="stylesheet" href="(\/assets\/main-[A-Z0-9]{8}\.css)"/.exec(html)?.[1] ?? '';
    preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
  });

  it('index.html names the hashed entry script, stylesheet and the chunks it preloads', () => {
    expect(script).not.toBe('');
    expect(stylesheet).not.toBe('');
    expect(preloads.length).toBeGreaterThan(0);
    for (const href of preloads) expect(href).toMatch(/^\/assets\/chunks\/chunk-[A-Z0-9]{8}\.js$/);
  });

  it.each([
    ['br', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
    ['gzip;q=1, br;q=0', 'gzip', gunzipSync],
  ])(
    'sends the %s encoding of an asset as %s, decompressing to the file',
    async (accept, encoding, decode) => {
      const original = readFileSync(path.join(assetsDir, script.replace('/assets/', '')));
      const res = await rawGet(`${server.url}${script}`, { 'Accept-Encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.body.length).toBeLessThan(original.length / 2);
      expect(decode(res.body).equals(original)).toBe(true);
    },
  );

  it('sends the plain file to a client that accepts no compression', async () => {
    const res = await rawGet(`${server.url}${stylesheet}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.body.equals(readFileSync(path.join(assetsDir, stylesheet.replace('/assets/', ''))))).toBe(
      true,
    );
  });

  it('every chunk index.html preloads is served compressed', async () => {
    for (const href of preloads) {
      const res = await rawGet(`${server.url}${href}`, { 'Accept-Encoding': 'gzip, br' });
      expect([res.status, res.headers['content-encoding']]).toEqual([200, 'br']);
    }
  });

  it.each([
    ['an unknown name', '/assets/main-AAAAAAAA.js'],
    ['a precompressed file by name', () => `${script}.br`],
    ['a path out of the folder', '/assets/..%2f..%2f..%2fpackage.json'],
    ['a malformed escape', '/assets/%E0%A4%A'],
  ])('answers 404 for %s', async (_what, asset) => {
    const res = await rawGet(`${server.url}${typeof asset === 'function' ? asset() : asset}`, {
      'Accept-Encoding': 'br',
    });
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).not.toContain('<div id="root">');
  });
});
