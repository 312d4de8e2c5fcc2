// The project page and the department inbox in a real headless Chromium against the real server and test
// database. A project of the test's own is sited twice (the second version moved east and enlarged), a
// planning task invites the ecology department, and the window clerk records approvals in two stages (one
// decided late, one in progress past its limit). Signed in through the login page as the department
// reviewer: the header's 待办 badge counts the task, the inbox lists it, the opinion form takes a setback
// condition, an assessment, an attachment (one over the size limit refused in place) and a geometry drawn
// by clicking its corners on the map, a revision supersedes it, and the opinion is then on the project page
// with its drawing highlighted when selected; the site timeline's slider draws the other version (the map's
// pixels change) with its reason, area and the diff; the approval timeline shows both stages with the
// overdue warning; a failed section says so in Chinese with a retry while the others stay. As the planner,
// two compliance runs of the project are compared.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { requestJson, signIn, type SignedIn } from '../support/access';
import { launchChromium } from '../support/browser';
import { square } from '../support/compliance-checks';
import { ROOT } from '../support/environment';
import { signInThroughLoginPage } from '../support/login-page';
import { regionalAreaPoint } from '../support/planning';
import { createProject, putSite } from '../support/projects';
import { useTestServer } from '../support/test-server';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** small, so that the form's refusal of a larger file can be seen without sending megabytes */
const ATTACHMENT_LIMIT_BYTES = 64 * 1024;

type LonLat = [number, number];

/** Web Mercator (EPSG:3857), the map view's projection. */
function mercator([lon, lat]: LonLat): [number, number] {
  const r = 6_378_137;
  return [(r * lon * Math.PI) / 180, r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
}

/** The approvals recorded: the first stage complete (its second item decided late), the second in progress. */
const APPROVALS = [
  ['land_use_planning', '企业投资项目备案（核准）/政府投资项目审批', '2026-03-02', '2026-03-05'],
  ['land_use_planning', '建设项目用地预审与选址意见书核发', '2026-03-06', '2026-06-12'],
  ['land_use_planning', '建设用地规划许可证核发', '2026-06-15', '2026-06-19'],
  ['construction_planning', '建设工程设计方案审查', '2026-09-01', null],
] as const;

describe('project page and department inbox', () => {
  const server = useTestServer({ planningAttachmentMaxBytes: ATTACHMENT_LIMIT_BYTES });
  let planner: SignedIn;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let code: string;
  let taskId: number;
  let centre: LonLat;

  async function pixelOf(position: LonLat): Promise<[number, number]> {
    const [x, y] = await page.evaluate(
      (c) => window.__oneBlueprintMap!.getPixelFromCoordinate(c) as [number, number],
      mercator(position),
    );
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    return [box.x + x, box.y + y];
  }

  /** The extent (view projection) of the features of kind `kind` in the overlay layer named `name`. */
  function overlayExtent(name: string, kind: string): Promise<number[] | null> {
    return page.evaluate(
      ([layerName, featureKind]) => {
        const layer = window
          .__oneBlueprintMap!.getAllLayers()
          .find((l) => l.get('name') === layerName) as unknown as
          | {
              getSource(): {
                getFeatures(): { get(k: string): unknown; getGeometry(): { getExtent(): number[] } }[];
              };
            }
          | undefined;
        const feature = layer
          ?.getSource()
          .getFeatures()
          .find((f) => f.get('kind') === featureKind);
        return feature ? feature.getGeometry().getExtent() : null;
      },
      [name, kind] as const,
    );
  }

  async function mapIdle(): Promise<void> {
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 60_000 });
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__oneBlueprintMap!;
          map.once('rendercomplete', () => resolve());
          map.render();
        }),
    );
  }

  /** The page at both sizes; `prepare` runs after each resize (e.g. to scroll a panel to a section). */
  async function screenshots(
    name: string,
    on: Page = page,
    prepare: () => Promise<void> = async () => undefined,
  ): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const size of SIZES) {
      await on.setViewportSize(size);
      await on.waitForTimeout(400);
      await prepare();
      await on.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`) });
    }
    await on.setViewportSize(SIZES[0]);
  }

  beforeAll(async () => {
    const pool = server.pool;
    const clerk = await signIn(server.url, 'clerk');
    planner = await signIn(server.url, 'planner');
    const area = await regionalAreaPoint(pool);
    centre = [area.lon, area.lat];
    ({ code } = await createProject(server.url, planner, {
      districtCode: '650102',
      projectType: '房屋建筑工程',
      name: '页面测试幼儿园新建工程',
    }));
    const first = await putSite(server.url, planner, code, {
      geometry: square(area.lon, area.lat, 120),
      reason: '建设单位申报用地范围',
      expectedVersion: 0,
    });
    expect(first.status).toBe(201);
    const second = await putSite(server.url, planner, code, {
      geometry: square(area.lon + 0.0006, area.lat, 160),
      reason: '按规划部门意见东移并扩大',
      expectedVersion: 1,
    });
    expect(second.status).toBe(201);
    const deadline = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    const opened = await requestJson(`${server.url}/api/v1/projects/${code}/planning-tasks`, {
      method: 'POST',
      headers: planner.headers(),
      body: {
        title: '页面测试幼儿园项目策划',
        deadline,
        departments: ['ecology_environment', 'housing_construction'],
      },
    });
    expect(opened.status).toBe(201);
    taskId = opened.body.id;
    for (const [stage, item, accepted, decided] of APPROVALS) {
      const registered = await requestJson(`${server.url}/api/v1/projects/${code}/approvals`, {
        method: 'POST',
        headers: clerk.headers(),
        body: { stage, item, acceptedAt: `${accepted}T10:00:00+08:00` },
      });
      expect(registered.status).toBe(201);
      if (decided === null) continue;
      const decision = await requestJson(`${server.url}/api/v1/approvals/${registered.body.id}/decision`, {
        method: 'POST',
        headers: clerk.headers(),
        body: {
          decidedAt: `${decided}T16:00:00+08:00`,
          status: 'approved',
          result: '准予许可',
          documentNo: `页面测试〔2026〕${registered.body.id}号`,
        },
      });
      expect(decision.status).toBe(201);
    }

    browser = await launchChromium();
    // the users are in Beijing time: times read as they do
    page = await browser.newPage({ viewport: SIZES[0], timezoneId: 'Asia/Shanghai' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughLoginPage(page, server.url, 'dept_reviewer');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows 待办 with the count in the header and lists the task in the inbox', async () => {
    await page.waitForSelector('[data-testid="inbox-badge"]');
    const badge = Number(await page.getAttribute('[data-testid="inbox-badge"]', 'data-count'));
    expect(badge).toBeGreaterThanOrEqual(1);
    expect(await page.textContent('[data-testid="nav-inbox"]')).toContain('待办');
    expect(await page.textContent('[data-testid="nav-projects"]')).toContain('项目');
    // the reviewer may not run checks: no way to the compliance page
    expect(await page.locator('[data-testid="nav-compliance"]').count()).toBe(0);
    await page.click('[data-testid="nav-inbox"]');
    await page.waitForURL(/\/inbox$/);
    const row = page.locator(`[data-testid="inbox-task-${taskId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('页面测试幼儿园项目策划');
    expect(await row.getAttribute('data-overdue')).toBe('false');
    expect(Number(await page.getAttribute('[data-testid="inbox-count"]', 'data-count'))).toBe(badge);
    await screenshots('inbox');
  }, 60_000);

  it('submits a department opinion with a condition, an assessment, an attachment and a drawn geometry, then revises it', async () => {
    await page.click(`[data-testid="inbox-open-${taskId}"]`);
    await page.waitForURL(new RegExp(`/inbox/${taskId}$`));
    await page.waitForSelector('[data-testid="opinion-form"]');
    await mapIdle();

    await page.fill(
      '[data-testid="opinion-text"]',
      '原则同意选址。用地东侧须退让河道蓝线，开展环境影响评价。',
    );
    await page.click('[data-testid="condition-add"]');
    await page.selectOption('[data-testid="condition-kind-0"]', 'setback_from');
    await page.selectOption('[data-testid="condition-layer-0"]', 'blue_line');
    await page.fill('[data-testid="condition-value-0"]', '30');
    await page.check('[data-testid="assessment-environmental_impact"]');
    // a file over the server's limit is refused in the form, with the limit named
    await page.setInputFiles('[data-testid="opinion-file"]', {
      name: '现状航拍.tif',
      mimeType: 'image/tiff',
      buffer: Buffer.alloc(ATTACHMENT_LIMIT_BYTES + 1),
    });
    const refused = (await page.textContent('[data-testid="opinion-file-refused"]'))!;
    expect(refused).toContain('现状航拍.tif');
    expect(refused).toContain('超过上限 64.0 KB');
    await page.setInputFiles('[data-testid="opinion-file"]', {
      name: '生态环境意见说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('退让河道蓝线不少于30米。'),
    });

    // the drawing: a 50 m square in the middle of the site, its corners clicked on the map
    const drawn = square(centre[0], centre[1], 50).coordinates[0]!.slice(0, 4) as LonLat[];
    await page.click('[data-testid="opinion-draw"]');
    await page.waitForSelector('[data-testid="opinion-geometry"][data-drawing="true"]');
    for (const corner of [...drawn, drawn[0]!]) {
      const [x, y] = await pixelOf(corner);
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
    }
    await page.waitForSelector('[data-testid="opinion-geometry"][data-drawing="false"]');
    await page.waitForSelector('[data-testid="opinion-geometry-area"]');
    const area = Number(
      await page.getAttribute('[data-testid="opinion-geometry-area"] [data-area-m2]', 'data-area-m2'),
    );
    expect(area).toBeGreaterThan(50 * 50 * 0.9);
    expect(area).toBeLessThan(50 * 50 * 1.1);
    expect(await page.textContent('[data-testid="opinion-geometry-area"]')).toMatch(/m².*公顷.*亩/);
    await screenshots('opinion-form');

    await page.click('[data-testid="opinion-submit"]');
    await page.waitForSelector('[data-testid="opinion-submitted"]', { timeout: 30_000 });

    // what the server kept: the condition checked on the map, the assessment, the file and the drawing
    const { rows } = await server.pool.query<{
      conditions: { kind: string; layer: string; value: number }[];
      assessments: string[];
      attachments: { name: string }[];
      area: number;
    }>(
      `SELECT o.condition_items AS conditions, o.required_assessments AS assessments, o.attachments,
              ST_Area(g.geom::geography) AS area
       FROM planning_opinions o JOIN departments d ON d.id = o.department_id
       JOIN planning_opinion_geometries g ON g.opinion_id = o.id
       WHERE o.task_id = $1 AND d.code = 'ecology_environment'`,
      [taskId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.conditions[0]).toMatchObject({ kind: 'setback_from', layer: 'blue_line', value: 30 });
    expect(rows[0]!.assessments).toEqual(['环境影响评价']);
    expect(rows[0]!.attachments.map((a) => a.name)).toEqual(['生态环境意见说明.txt']);
    expect(Math.abs(rows[0]!.area - area) / area).toBeLessThan(0.01);
    // the task left the inbox, the form now offers a revision
    const inbox = await requestJson(`${server.url}/api/v1/planning-tasks?waitingFor=me&limit=500`, {
      headers: (await signIn(server.url, 'dept_reviewer')).headers(),
    });
    expect(inbox.body.tasks.map((t: { id: number }) => t.id)).not.toContain(taskId);
    await page.waitForSelector('[data-testid="opinion-revision"]');

    // a revision supersedes the first opinion, which is kept
    const firstId = await page.getAttribute('[data-testid="opinion-submitted"]', 'data-opinion-id');
    await page.fill(
      '[data-testid="opinion-text"]',
      '原则同意选址。东侧退让河道蓝线，开展环境影响评价；补充施工期扬尘防治要求。',
    );
    await page.click('[data-testid="opinion-submit"]');
    await page.waitForSelector(`[data-testid="opinion-submitted"]:not([data-opinion-id="${firstId}"])`, {
      timeout: 30_000,
    });
    const revised = await server.pool.query<{ supersedes_id: string | null }>(
      `SELECT o.supersedes_id::text FROM planning_opinions o JOIN departments d ON d.id = o.department_id
       WHERE o.task_id = $1 AND d.code = 'ecology_environment' ORDER BY o.id`,
      [taskId],
    );
    expect(revised.rows.map((r) => r.supersedes_id)).toEqual([null, firstId]);
  }, 120_000);

  it('shows the opinion on the project page, its drawing highlighted on the map when selected', async () => {
    await page.click('[data-testid="task-project-link"]');
    await page.waitForURL(new RegExp(`/projects/${code}$`));
    const card = page.locator('[data-testid="opinion-ecology_environment"]');
    await card.waitFor();
    const text = (await card.textContent())!;
    expect(text).toContain('补充施工期扬尘防治要求');
    expect(text).toContain('修订版');
    expect(text).toContain('退让距离');
    // the setback's layer by its name, not its code
    expect(text).toContain('蓝线');
    expect(text).not.toContain('blue_line');
    expect(text).toContain('环境影响评价');
    expect(text).toContain('生态环境意见说明.txt');
    expect(await page.textContent('[data-testid="standing-housing_construction"]')).toContain('待提交');
    await mapIdle();
    expect(await overlayExtent('planning-opinions', 'opinion')).not.toBeNull();
    expect(await overlayExtent('planning-opinions', 'selected')).toBeNull();
    await page.click('[data-testid="opinion-show-ecology_environment"]');
    await page.waitForSelector('[data-testid="opinion-ecology_environment"][data-selected="true"]');
    const selected = await overlayExtent('planning-opinions', 'selected');
    expect(selected).not.toBeNull();
    const [x0, y0] = mercator(square(centre[0], centre[1], 50).coordinates[0]![0] as LonLat);
    expect(Math.abs(selected![0]! - x0)).toBeLessThan(5);
    expect(Math.abs(selected![1]! - y0)).toBeLessThan(5);
  }, 90_000);

  it('moves the timeline slider: the other site version is drawn, with its reason, area and diff', async () => {
    const timeline = page.locator('[data-testid="site-timeline"]');
    await page.waitForSelector('[data-testid="site-timeline"][data-version="2"]');
    await page.waitForSelector('[data-testid="site-diff-added"]');
    expect(await page.textContent('[data-testid="site-version-reason"]')).toBe('按规划部门意见东移并扩大');
    expect(
      Number(await page.getAttribute('[data-testid="site-diff-added"]', 'data-area-m2')),
    ).toBeGreaterThan(0);
    expect(
      Number(await page.getAttribute('[data-testid="site-diff-removed"]', 'data-area-m2')),
    ).toBeGreaterThan(0);
    expect(await overlayExtent('project-site', 'added')).not.toBeNull();
    expect(await overlayExtent('project-site', 'removed')).not.toBeNull();
    // the view shows both versions, whichever is drawn
    await page.click('[data-testid="opinion-show-ecology_environment"]');
    await page.waitForSelector('[data-testid="opinion-ecology_environment"][data-selected="false"]');
    await page.evaluate(
      ({ c }) => {
        const view = window.__oneBlueprintMap!.getView();
        view.setCenter(c);
        view.setZoom(16);
      },
      { c: mercator([centre[0] + 0.0003, centre[1]]) },
    );
    await mapIdle();
    const before = await overlayExtent('project-site', 'site');
    const areaBefore = Number(await page.getAttribute('[data-testid="site-version-area"]', 'data-area-m2'));
    const pixelsBefore = await page.locator('[data-testid="map"]').screenshot();
    await screenshots('project-page');

    // with the keyboard: the slider is reachable and moves one version back
    await page.focus('[data-testid="site-version-slider"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="site-timeline"][data-version="1"]');
    expect(await timeline.getAttribute('data-version')).toBe('1');
    expect(await page.textContent('[data-testid="site-version-reason"]')).toBe('建设单位申报用地范围');
    await page.waitForFunction((b) => {
      const layer = window.__oneBlueprintMap!.getAllLayers().find((l) => l.get('name') === 'project-site');
      const source = (
        layer as unknown as {
          getSource(): {
            getFeatures(): { get(k: string): unknown; getGeometry(): { getExtent(): number[] } }[];
          };
        }
      ).getSource();
      const site = source.getFeatures().find((f) => f.get('kind') === 'site');
      return site !== undefined && site.getGeometry().getExtent()[0] !== b[0];
    }, before!);
    const after = await overlayExtent('project-site', 'site');
    expect(after![0]).toBeLessThan(before![0]!);
    expect(await overlayExtent('project-site', 'added')).toBeNull();
    expect(await page.locator('[data-testid="site-diff"]').count()).toBe(0);
    const areaAfter = Number(await page.getAttribute('[data-testid="site-version-area"]', 'data-area-m2'));
    expect(areaAfter).toBeGreaterThan(120 * 120 * 0.95);
    expect(areaAfter).toBeLessThan(areaBefore);
    expect(await page.textContent('[data-testid="site-timeline"]')).toMatch(/m².*公顷.*亩/);
    await mapIdle();
    const pixelsAfter = await page.locator('[data-testid="map"]').screenshot();
    expect(pixelsAfter.equals(pixelsBefore)).toBe(false);

    // and forward again by dragging the value
    await page.locator('[data-testid="site-version-slider"]').fill('1');
    await page.waitForSelector('[data-testid="site-timeline"][data-version="2"]');
  }, 90_000);

  it('shows the approval records as a timeline by stage with the overdue warnings', async () => {
    const first = page.locator('[data-testid="approval-stage-land_use_planning"]');
    const second = page.locator('[data-testid="approval-stage-construction_planning"]');
    await first.waitFor();
    expect(await first.textContent()).toContain('立项用地规划许可');
    expect(await second.textContent()).toContain('工程建设许可');
    expect(await first.locator('[data-warning="decided_late"]').count()).toBe(1);
    expect(await second.locator('[data-warning="overdue"]').count()).toBe(1);
    expect(await second.textContent()).toContain('已超期');
    expect(await second.textContent()).toMatch(/已超过时限 \d+ 个工作日/);
    expect(await page.locator('[data-testid="approval-stage-construction"]').count()).toBe(0);
    await screenshots('project-approvals', page, () =>
      page.locator('[data-testid="approvals-section"]').evaluate((e) => e.scrollIntoView()),
    );
  }, 60_000);

  it('says in Chinese that a section failed, with a retry, while the other sections stay', async () => {
    let failing = true;
    await page.route(`**/api/v1/projects/${code}/approvals*`, (route) =>
      failing
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'database_unavailable', message: '数据库暂不可用', details: {} },
            }),
          })
        : route.continue(),
    );
    await page.reload();
    await page.waitForSelector('[data-testid="approvals-error"]');
    expect(await page.textContent('[data-testid="approvals-error"]')).toContain(
      '审批记录加载失败：数据库暂不可用',
    );
    await page.waitForSelector('[data-testid="opinion-ecology_environment"]');
    await page.waitForSelector('[data-testid="site-timeline"]');
    failing = false;
    await page.click('[data-testid="approvals-retry"]');
    await page.waitForSelector('[data-testid="approval-stage-land_use_planning"]');
    await page.unroute(`**/api/v1/projects/${code}/approvals*`);
  }, 60_000);

  it('finds the project in the project list by its code', async () => {
    await page.click('[data-testid="nav-projects"]');
    await page.waitForURL(/\/projects$/);
    await page.fill('[data-testid="project-search"]', code);
    await page.click('[data-testid="project-search-submit"]');
    const row = page.locator(`[data-testid="project-row-${code}"]`);
    await row.waitFor();
    expect(Number(await page.getAttribute('[data-testid="projects-count"]', 'data-count'))).toBe(1);
    expect(await row.textContent()).toContain('页面测试幼儿园新建工程');
    expect(await row.textContent()).toMatch(/公顷/);
    await page.fill('[data-testid="project-search"]', '');
    await page.click('[data-testid="project-search-submit"]');
    await page.waitForSelector('[data-testid="projects-count"]');
    await screenshots('project-list');
    await page.fill('[data-testid="project-search"]', code);
    await page.click('[data-testid="project-search-submit"]');
    await row.waitFor();
    await row.locator('a').click();
    await page.waitForURL(new RegExp(`/projects/${code}$`));
    await page.waitForSelector('[data-testid="project-name"]');
  }, 60_000);

  it("compares the project's two compliance runs for the planner", async () => {
    const plannerPage = await browser.newPage({ viewport: SIZES[0], timezoneId: 'Asia/Shanghai' });
    plannerPage.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await signInThroughLoginPage(plannerPage, server.url, 'planner', { next: `/projects/${code}` });
      await plannerPage.waitForSelector('[data-testid="compliance-runs"]');
      const picks = plannerPage.locator('[data-testid^="compliance-run-pick-"]');
      expect(await picks.count()).toBe(2);
      await picks.nth(0).check();
      await picks.nth(1).check();
      const diff = plannerPage.locator('[data-testid="check-diff"][data-verdict-changed]');
      await diff.waitFor();
      expect(await diff.textContent()).toContain('结论');
      expect(await diff.textContent()).toMatch(/新增.*m²/);
      await screenshots('project-compliance-runs', plannerPage, () =>
        plannerPage.locator('[data-testid="check-diff"]').evaluate((e) => e.scrollIntoView()),
      );
      // the department reviewer, who may not run checks, sees no such section
      expect(await page.locator('[data-testid="compliance-section"]').count()).toBe(0);
    } finally {
      await plannerPage.close();
    }
  }, 60_000);

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
