// The one-blueprint standard page (/blueprint) in a real headless Chromium against the real server, as
// other systems open it: with an API key (the time until the map reports every image of the first view
// drawn and the panel filled, asserted under the seed's 5 s and printed with the bytes transferred), as
// an anonymous visitor (public layers only, no project data), through a signed link (works; changed or
// expired: a Chinese refusal with a retry), with a wrong parameter (a Chinese message naming it), and
// embedded in an iframe by a page of another origin: shown when that origin is allow-listed
// (BLUEPRINT_FRAME_ANCESTORS), refused when not. Screenshots at 1366×768, 1920×1080 and in the iframe.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page, Request } from 'playwright-core';
import { Pool } from 'pg';
import { linkSigningSecret, signLink } from '../../accounts';
import { createApp, DEFAULT_HARDENING } from '../../spatial-api';
import { issueTestKey, requestJson, signIn } from '../support/access';
import { testAppConfig } from '../support/app-config';
import { launchChromium } from '../support/browser';
import { postCheck } from '../support/compliance-checks';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');
/** 黄河路商业综合体项目 in 天山区 */
const PROJECT = '2024-650102-72-02-000581';
const SEED_LIMIT_MS = 5_000;

/** A page of another origin that frames the standard page (its address asked for when served). */
async function hostPage(frameUrl: () => string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>市级审批系统</title></head>` +
        `<body style="margin:0;font-family:sans-serif"><h1 style="font-size:18px;margin:12px">市级工程建设项目审批系统 · 项目详情</h1>` +
        `<iframe id="blueprint" src="${frameUrl()}" style="width:1000px;height:600px;border:1px solid #999;margin:0 12px"></iframe></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // "localhost" rather than 127.0.0.1: another origin than the platform's
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Share of the map's pixels that some layer has painted. */
function paintedShare(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    let painted = 0;
    let total = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      total = Math.max(total, canvas.width * canvas.height);
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    }
    return total === 0 ? 0 : painted / total;
  });
}

const waitReady = (target: Page | Frame, state = 'true', timeout = 30_000) =>
  target.waitForFunction((s) => document.body.dataset.blueprintReady === s, state, { timeout });

describe('one-blueprint standard page', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let allowedHost: Awaited<ReturnType<typeof hostPage>>;
  let refusedHost: Awaited<ReturnType<typeof hostPage>>;
  let browser: Browser;
  let key: string;
  const pageErrors: string[] = [];
  let siteAreaM2: number;
  let verdict: string;
  const iframeUrl = () => `${server.url}/blueprint?projectCode=${PROJECT}&apikey=${key}`;

  beforeAll(async () => {
    key = await issueTestKey(pool, { name: 'blueprint-page-e2e' });
    // the host pages listen first: the allow-list names the one origin
    allowedHost = await hostPage(iframeUrl);
    refusedHost = await hostPage(iframeUrl);
    server = await listenOnFreePort(
      createApp({
        pool,
        config: testAppConfig({
          hardening: { ...DEFAULT_HARDENING, frameAncestors: ["'self'", allowedHost.origin] },
        }),
      }),
    );
    browser = await launchChromium();
    // a check of the project's site, so that the panel has a verdict to show
    const data = await requestJson(`${server.url}/api/v1/blueprint?projectCode=${PROJECT}&apikey=${key}`);
    siteAreaM2 = data.body.project.site.areaM2;
    const reviewer = await signIn(server.url, 'reviewer');
    const check = await postCheck(server.url, reviewer, {
      projectCode: PROJECT,
      geometry: data.body.project.site.geometry,
    });
    expect(check.status).toBe(201);
    verdict = check.body.verdict;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await allowedHost?.close();
    await refusedHost?.close();
    await server?.close();
    await pool.end();
  });

  async function open(
    url: string,
    viewport = { width: 1366, height: 768 },
  ): Promise<{ context: BrowserContext; page: Page; requests: Request[] }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const requests: Request[] = [];
    page.on('requestfinished', (request) => requests.push(request));
    await page.goto(url);
    return { context, page, requests };
  }

  async function transferredBytes(
    requests: Request[],
  ): Promise<{ total: number; byKind: Record<string, number> }> {
    const byKind: Record<string, number> = {};
    let total = 0;
    for (const request of requests) {
      const sizes = await request.sizes();
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      const kind = new URL(request.url()).pathname.replace(/^\/(assets|api|wms).*/, '$1');
      byKind[kind] = (byKind[kind] ?? 0) + bytes;
      total += bytes;
    }
    return { total, byKind };
  }

  it('with an API key: fully drawn within 5 s, the site framed and the panel filled', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const requests: Request[] = [];
    page.on('requestfinished', (request) => requests.push(request));
    const started = Date.now();
    await page.goto(`${server.url}/blueprint?projectCode=${PROJECT}&apikey=${key}`);
    await waitReady(page);
    const elapsedMs = Date.now() - started;
    const pageSaysMs = Number(await page.evaluate(() => document.body.dataset.blueprintReadyMs));
    const bytes = await transferredBytes(requests);
    console.log(
      `standard page, API key, 1366×768: fully drawn ${elapsedMs} ms after the request (the page counts ${pageSaysMs} ms ` +
        `from navigation); ${requests.length} requests, ${bytes.total} bytes transferred ${JSON.stringify(bytes.byKind)}`,
    );
    expect(elapsedMs).toBeLessThan(SEED_LIMIT_MS);

    expect(await page.textContent('[data-testid="blueprint-project-name"]')).toBe('黄河路商业综合体项目');
    expect(await page.textContent('[data-testid="blueprint-project-code"]')).toBe(PROJECT);
    expect(await page.textContent('[data-testid="blueprint-project-district"]')).toBe('天山区');
    expect(await page.textContent('[data-testid="blueprint-project-unit"]')).toMatch(/[\u4e00-\u9fa5]/);
    expect(await page.textContent('[data-testid="blueprint-project-stage"]')).toBe('工程建设许可');
    const area = (await page.textContent('[data-testid="blueprint-project-area"]'))!;
    expect(area).toContain('m²');
    expect(area).toContain('公顷');
    expect(area).toContain('亩');
    const hectares = Number(/([\d,.]+) 公顷/.exec(area)![1]!.replace(/,/g, ''));
    expect(hectares).toBeCloseTo(siteAreaM2 / 10_000, 3);
    expect(await page.textContent('[data-testid="blueprint-project-verdict"]')).toContain(verdict);
    expect(await page.textContent('[data-testid="blueprint-layers"]')).toContain('区域评估范围');
    expect(await page.$('[data-testid="blueprint-layers-withheld"]')).toBeNull();

    // the map is painted, and framed on the site: its centre lies inside the site's extent
    expect(await paintedShare(page)).toBeGreaterThan(0.3);
    const centre = await page.evaluate(() => window.__oneBlueprintStandardMap!.getView().getCenter()!);
    const [lon] = [(centre[0]! / 6378137) * (180 / Math.PI)];
    expect(lon).toBeGreaterThan(87.6);
    expect(lon).toBeLessThan(87.612);
    // every request of the page's own carries the key
    const own = requests
      .map((r) => new URL(r.url()))
      .filter((u) => /^\/(api\/v1\/blueprint|wms)/.test(u.pathname));
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const url of own) expect(url.searchParams.get('apikey')).toBe(key);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'blueprint-page-1366.png') });

    // once more, with the browser's cache warm, as a system that opens the page often sees it
    const again = Date.now();
    await page.reload();
    await waitReady(page);
    console.log(`standard page, API key, reloaded: fully drawn ${Date.now() - again} ms after the request`);
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('at 1920×1080, the same page with room around the panel', async () => {
    const { context, page, requests } = await open(
      `${server.url}/blueprint?projectCode=${PROJECT}&apikey=${key}`,
      {
        width: 1920,
        height: 1080,
      },
    );
    await waitReady(page);
    const bytes = await transferredBytes(requests);
    console.log(
      `standard page, API key, 1920×1080: ${requests.length} requests, ${bytes.total} bytes transferred`,
    );
    const panel = (await page.locator('[data-testid="blueprint-panel"]').boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(1920);
    expect(panel.y + panel.height).toBeLessThanOrEqual(1080);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'blueprint-page-1920.png') });
    await context.close();
  });

  it('draws the imagery when layers= names it, in a map image of its own under the plan', async () => {
    const layers = 'imagery_2024,land_use_plan,districts';
    const { context, page, requests } = await open(
      `${server.url}/blueprint?projectCode=${PROJECT}&layers=${layers}&apikey=${key}`,
    );
    await waitReady(page, 'true', 60_000);
    const maps = requests.map((r) => new URL(r.url())).filter((u) => u.pathname === '/wms');
    // in the order they finished loading
    const asked = maps.map((u) => [u.searchParams.get('LAYERS'), u.searchParams.get('FORMAT')]).sort();
    expect(asked).toEqual([
      ['ob:imagery_2024', 'image/jpeg'],
      ['ob:land_use_plan,ob:districts', 'image/png'],
    ]);
    const drawingOrder = await page.evaluate(() =>
      window
        .__oneBlueprintStandardMap!.getAllLayers()
        .map((layer) => (layer.get('layerCodes') as string[] | undefined)?.join(',') ?? 'site'),
    );
    expect(drawingOrder).toEqual(['imagery_2024', 'land_use_plan,districts', 'site']);
    expect(await page.textContent('[data-testid="blueprint-layers"]')).toContain('2024年中心城区遥感影像');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'blueprint-page-imagery.png') });
    await context.close();
  });

  it('anonymous: the public layers only and no project data', async () => {
    const { context, page, requests } = await open(`${server.url}/blueprint?projectCode=${PROJECT}`);
    await waitReady(page);
    expect(await page.textContent('[data-testid="blueprint-project-withheld"]')).toContain(
      'API 密钥或签名链接',
    );
    expect(await page.$('[data-testid="blueprint-project-name"]')).toBeNull();
    expect(await page.textContent('body')).not.toContain('黄河路商业综合体项目');
    const layers = (await page.textContent('[data-testid="blueprint-layers"]'))!;
    expect(layers).toContain('控制性详细规划用地');
    expect(layers).not.toContain('区域评估范围');
    expect(await page.textContent('[data-testid="blueprint-layers-withheld"]')).toContain('1 个图层');
    const maps = requests.map((r) => new URL(r.url())).filter((u) => u.pathname === '/wms');
    expect(maps.length).toBeGreaterThanOrEqual(1);
    for (const url of maps) expect(url.searchParams.get('LAYERS')).not.toContain('regional_assessments');
    expect(await paintedShare(page)).toBeGreaterThan(0.3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'blueprint-page-anonymous.png') });
    await context.close();
  });

  it('a signed link shows the project; a changed or expired one is refused in Chinese with a retry', async () => {
    const planner = await signIn(server.url, 'planner');
    const issued = await requestJson(`${server.url}/api/v1/blueprint-links`, {
      method: 'POST',
      headers: planner.headers(),
      body: { projectCode: PROJECT, expiresInMinutes: 5 },
    });
    expect(issued.status).toBe(201);
    const signed = await open(`${server.url}${issued.body.signedUrl}`);
    await waitReady(signed.page);
    expect(await signed.page.textContent('[data-testid="blueprint-project-name"]')).toBe(
      '黄河路商业综合体项目',
    );
    expect(await signed.page.textContent('[data-testid="blueprint-layers"]')).toContain('区域评估范围');
    const maps = signed.requests.map((r) => new URL(r.url())).filter((u) => u.pathname === '/wms');
    for (const url of maps) expect(url.searchParams.get('signature')).toBe(issued.body.query.signature);
    await signed.context.close();

    const tampered = new URL(`${server.url}${issued.body.signedUrl}`);
    tampered.searchParams.set('projectCode', '2024-650104-89-01-000396');
    const changed = await open(tampered.toString());
    await waitReady(changed.page, 'error');
    const message = (await changed.page.textContent('[data-testid="blueprint-error"]'))!;
    expect(message).toContain('访问被拒绝');
    expect(message).toContain('签名链接无效');
    expect(await changed.page.$('[data-testid="blueprint-error"] button')).not.toBeNull();
    await changed.page.screenshot({ path: path.join(SCREENSHOTS, 'blueprint-page-refused.png') });
    await changed.context.close();

    const expiredQuery = signLink(await linkSigningSecret(pool), {
      projectCode: PROJECT,
      layers: ['districts'],
      bbox: null,
      expires: Math.floor(Date.now() / 1000) - 1,
    });
    const expired = await open(`${server.url}/blueprint?${new URLSearchParams(expiredQuery).toString()}`);
    await waitReady(expired.page, 'error');
    expect(await expired.page.textContent('[data-testid="blueprint-error"]')).toContain('签名链接已过期');
    await expired.context.close();
  });

  it('names a wrong parameter in Chinese, from the page and from the server', async () => {
    const { context, page } = await open(`${server.url}/blueprint?bbox=87.6,43.8,87.5`);
    await waitReady(page, 'error');
    expect(await page.textContent('[data-testid="blueprint-error"]')).toContain('链接参数“bbox”不正确');
    await page.goto(`${server.url}/blueprint?layers=no_such_layer`);
    await waitReady(page, 'error');
    expect(await page.textContent('[data-testid="blueprint-error"]')).toContain('链接参数“layers”不正确');
    await context.close();
  });

  it('is shown in an iframe of an allow-listed origin, and refused by the browser in another', async () => {
    const { context, page } = await open(allowedHost.origin, { width: 1366, height: 768 });
    const frame = await (await page.waitForSelector('#blueprint')).contentFrame();
    await waitReady(frame!);
    expect(await frame!.textContent('[data-testid="blueprint-project-name"]')).toBe('黄河路商业综合体项目');
    expect(await paintedShare(frame!)).toBeGreaterThan(0.3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'blueprint-page-iframe.png') });
    await context.close();

    const refused = await open(refusedHost.origin);
    const blocked = await (await refused.page.waitForSelector('#blueprint')).contentFrame();
    // Chromium replaces a frame its CSP refuses with an error page: the standard page never runs in it
    await refused.page.waitForTimeout(3_000);
    expect(blocked?.url() ?? '').not.toContain('/blueprint');
    const ready = await blocked?.evaluate(() => document.body?.dataset.blueprintReady).catch(() => undefined);
    expect(ready).toBeUndefined();
    await refused.context.close();
  });
});
