// The compliance page in a real headless Chromium against the real server and test database, signed in
// through the login page as the demo reviewer: a site drawn by clicking its corners on the map over the
// ecological red line gets the live preview verdict 不通过, the server's check says 不通过 with the
// red-line overlap in m², 公顷 and 亩 (agreeing with the preview), the site's corners dragged to a place
// clear of the prohibit rules move the preview verdict, a second check agrees with the preview, and the
// PDF report downloads through the progress bar (its bytes start with %PDF); a 国土TXT file becomes the site.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createApp } from '../../spatial-api';
import { testAppConfig } from '../support/app-config';
import { signIn, type SignedIn } from '../support/access';
import { launchChromium } from '../support/browser';
import { postCheck, rule, square } from '../support/compliance-checks';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { signInThroughLoginPage } from '../support/login-page';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');
const SIDE_M = 120;
const ZOOM = 16;
/** map pixels left of this are under the layer panel */
const FREE_LEFT_PX = 380;

type LonLat = [number, number];

/** Web Mercator (EPSG:3857), the map view's projection. */
function mercator([lon, lat]: LonLat): [number, number] {
  const r = 6_378_137;
  return [(r * lon * Math.PI) / 180, r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
}

/** The four corners (SW, SE, NE, NW) of an axis-aligned square of SIDE_M metres. */
function corners(centre: LonLat): LonLat[] {
  return square(centre[0], centre[1], SIDE_M).coordinates[0]!.slice(0, 4) as LonLat[];
}

describe('compliance page', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let reviewer: SignedIn;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  /** a point where the 矿泉水 project's site lies on the ecological red line */
  let onRedLine: LonLat;
  /** a point nearby whose square the server clears of every prohibit rule */
  let clear: LonLat;
  let clearVerdict: string;

  async function pixelOf(position: LonLat): Promise<[number, number]> {
    const coordinate = mercator(position);
    const [x, y] = await page.evaluate(
      (c) => window.__oneBlueprintMap!.getPixelFromCoordinate(c) as [number, number],
      coordinate,
    );
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    return [box.x + x, box.y + y];
  }

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    reviewer = await signIn(server.url, 'reviewer');
    const { rows } = await pool.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
         SELECT ST_PointOnSurface(ST_Intersection(s.geom, red.geom)) AS p
         FROM projects pr
         JOIN project_site_versions s ON s.id = pr.current_site_version_id,
         LATERAL (SELECT ST_Union(f.geom) AS geom FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id
                  WHERE l.code = 'ecological_red_line') red
         WHERE pr.name LIKE '%矿泉水生产线%') x`,
    );
    onRedLine = [rows[0]!.lon, rows[0]!.lat];
    // candidates 300–600 m away; the first whose (larger) square the server clears of the prohibit rules
    let found: LonLat | null = null;
    for (const distance of [300, 450, 600]) {
      for (const bearing of [270, 225, 315, 180, 0, 90, 135, 45]) {
        const rad = (bearing * Math.PI) / 180;
        const candidate: LonLat = [
          onRedLine[0] + (distance * Math.sin(rad)) / (111_320 * Math.cos((onRedLine[1] * Math.PI) / 180)),
          onRedLine[1] + (distance * Math.cos(rad)) / 110_574,
        ];
        const check = await postCheck(server.url, reviewer, { geometry: square(...candidate, SIDE_M + 60) });
        if (check.status === 201 && check.body.verdict !== '不通过') {
          found = candidate;
          clearVerdict = check.body.verdict;
          break;
        }
      }
      if (found) break;
    }
    if (!found) throw new Error('no place clear of the prohibit rules near the red-line site');
    clear = found;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughLoginPage(page, server.url, 'reviewer');
  }, 180_000);

  afterAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page?.screenshot({ path: path.join(SCREENSHOTS, 'compliance-page.png') });
    await browser?.close();
    await server?.close();
    await pool.end();
  });

  it('opens from the header for a reviewer, with the rule set and the map', async () => {
    await page.click('[data-testid="nav-compliance"]');
    await page.waitForURL(/\/compliance$/);
    await page.waitForSelector('[data-testid="rule-set-name"]');
    expect(await page.textContent('[data-testid="rule-set-name"]')).toContain(
      '示例城市建设项目选址合规性审查规则',
    );
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 60_000 });
  }, 90_000);

  it('previews 不通过 for a site drawn by clicking its corners over the ecological red line', async () => {
    const [a, b] = [mercator(onRedLine), mercator(clear)];
    await page.evaluate(
      ({ centre, zoom }) => {
        const view = window.__oneBlueprintMap!.getView();
        view.setCenter(centre);
        view.setZoom(zoom);
      },
      { centre: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], zoom: ZOOM },
    );
    // keep every corner of both squares clear of the layer panel
    const pixels = await Promise.all([...corners(onRedLine), ...corners(clear)].map(pixelOf));
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    const shift = Math.max(0, box.x + FREE_LEFT_PX - Math.min(...pixels.map((p) => p[0])));
    if (shift > 0)
      await page.evaluate((px) => {
        const view = window.__oneBlueprintMap!.getView();
        const [x, y] = view.getCenter()!;
        view.setCenter([x! - px * view.getResolution()!, y!]);
      }, shift);
    await page.waitForTimeout(300);

    await page.click('[data-testid="site-draw"]');
    await page.waitForSelector('[data-testid="site-panel"][data-drawing="true"]');
    const site = corners(onRedLine);
    for (const corner of [...site, site[0]!]) {
      const [x, y] = await pixelOf(corner);
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    await page.waitForSelector('[data-testid="site-panel"][data-drawing="false"]');
    const area = Number(await page.getAttribute('[data-testid="site-area"]', 'data-area-m2'));
    expect(area).toBeGreaterThan(SIDE_M * SIDE_M * 0.9);
    expect(area).toBeLessThan(SIDE_M * SIDE_M * 1.1);

    await page.waitForSelector('[data-testid="preview-verdict"][data-verdict="不通过"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="preview-rule-ecological-red-line"][data-passed="false"]');
    expect(
      Number(
        await page.getAttribute('[data-testid="preview-rule-ecological-red-line-area"]', 'data-area-m2'),
      ),
    ).toBeGreaterThan(0);
  });

  it("runs the server's check: 不通过 with the red-line overlap in m², 公顷 and 亩, agreeing with the preview", async () => {
    await page.click('[data-testid="run-check"]');
    await page.waitForSelector('[data-testid="check-verdict"]', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="check-verdict"]', 'data-verdict')).toBe('不通过');
    const red = page.locator('[data-testid="check-rule-ecological-red-line"]');
    expect(await red.getAttribute('data-passed')).toBe('false');
    const serverArea = Number(
      await page.getAttribute('[data-testid="check-rule-ecological-red-line-area"]', 'data-area-m2'),
    );
    const previewArea = Number(
      await page.getAttribute('[data-testid="preview-rule-ecological-red-line-area"]', 'data-area-m2'),
    );
    expect(serverArea).toBeGreaterThan(0);
    expect(Math.abs(previewArea - serverArea) / serverArea).toBeLessThan(1e-3);
    const text = (await red.textContent())!;
    expect(text).toContain('不得占用生态保护红线');
    expect(text).toMatch(/m²/);
    expect(text).toContain('公顷');
    expect(text).toContain('亩');
    expect(text).toMatch(/STHX-/);
    // the stored check is the one listed, and it is the server's figure that the API gives
    const id = (await page.getAttribute('[data-testid="check-result"]', 'data-check-id'))!;
    await page.waitForSelector(`[data-testid="check-run-${id}"]`);
    const stored = await fetch(`${server.url}/api/v1/compliance/checks/${id}`, {
      headers: reviewer.headers(),
    });
    const body = (await stored.json()) as Parameters<typeof rule>[0];
    expect(rule(body, 'ecological-red-line').areaM2).toBeCloseTo(serverArea, 1);
  });

  it('moves the preview verdict as the corners are dragged to a clear place, and a new check agrees', async () => {
    const from = corners(onRedLine);
    const to = corners(clear);
    const direction = [clear[0] - onRedLine[0], clear[1] - onRedLine[1]];
    // the leading corners first, so the polygon stays simple on the way
    const order = [0, 1, 2, 3].sort(
      (i, j) =>
        to[j]![0] * direction[0]! +
        to[j]![1] * direction[1]! -
        (to[i]![0] * direction[0]! + to[i]![1] * direction[1]!),
    );
    for (const i of order) {
      const [x0, y0] = await pixelOf(from[i]!);
      const [x1, y1] = await pixelOf(to[i]!);
      await page.mouse.move(x0, y0);
      await page.waitForTimeout(100);
      await page.mouse.down();
      await page.mouse.move(x1, y1, { steps: 12 });
      await page.mouse.up();
      await page.waitForTimeout(200);
    }
    await page.waitForSelector('[data-testid="preview-rule-ecological-red-line"][data-passed="true"]', {
      timeout: 30_000,
    });
    await page.waitForSelector(`[data-testid="preview-verdict"][data-verdict="${clearVerdict}"]`);
    // the old result now belongs to the old site
    await page.waitForSelector('[data-testid="check-stale"]');

    await page.click('[data-testid="run-check"]');
    await page.waitForSelector(`[data-testid="check-verdict"][data-verdict="${clearVerdict}"]`, {
      timeout: 30_000,
    });
    expect(await page.$('[data-testid="check-stale"]')).toBeNull();
    const agreement = await page.$('[data-testid="check-agreement"]');
    const disagreements = agreement ? '' : await page.textContent('[data-testid="check-disagreements"]');
    expect(disagreements).toBe('');
  }, 180_000);

  it('downloads the PDF report through the progress bar: the bytes arrive and start with %PDF', async () => {
    const [download] = await Promise.all([
      // the report draws its maps with the WMS renderer: on a busy machine this takes a while
      page.waitForEvent('download', { timeout: 200_000 }),
      page.click('[data-testid="download-pdf"]'),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const state = page.locator('[data-testid="download-state-pdf"]');
    await expect(state.getAttribute('data-status')).resolves.toBe('done');
    expect(Number(await state.getAttribute('data-bytes'))).toBe(bytes.length);
  }, 240_000);

  it('reads a boundary-coordinate text file (国土TXT, zone 29, with a hole) in the browser as the site', async () => {
    await page.setInputFiles(
      '[data-testid="site-file"]',
      path.join(ROOT, 'tests/fixtures/importers/boundary-coordinates/in/zone29-with-hole.txt'),
    );
    await page.waitForSelector('[data-testid="site-file-message"]');
    expect(await page.textContent('[data-testid="site-file-message"]')).toContain(
      '已读取文件 zone29-with-hole.txt',
    );
    // 200 m × 200 m less a 50 m × 100 m hole, in the zone's plane; on the ellipsoid 48 km off the central
    // meridian that is 35 000 / 1.0000284² m²
    await page.waitForFunction(() => {
      const area = Number(document.querySelector('[data-testid="site-area"]')?.getAttribute('data-area-m2'));
      return Math.abs(area - 35_000 / 1.0000284 ** 2) < 3.5;
    });
    await page.waitForSelector('[data-testid="preview-verdict"]');
    await page.waitForSelector('[data-testid="check-stale"]');
    expect(pageErrors).toEqual([]);
  });
});
