// The admin screens in a real headless Chromium against the real server and test database, signed in
// through the login page as the demo admin: a user created through the form (refused first for a bad
// district code, the server's message beside that field) is listed and then disabled; an API key issued
// (its secret shown once, and working) and revoked (and then refused); a rule set of the test's own edited
// as JSON with a negative distance, the server's complaint shown on the JSON line of its path and beside the
// form field, fixed in the form and saved as version 2; the statistics charts drawn with the figures the
// statistics API gives; the audit log's chain intact and its entries filtered; a planner sees no 管理 link
// and is told /admin is not for them. Screenshots at 1366×768 and 1920×1080.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Pool } from 'pg';
import { SAMPLE_RULE_SET } from '../../compliance-rules';
import { createApp } from '../../spatial-api';
import { requestJson, signIn, type SignedIn } from '../support/access';
import { testAppConfig } from '../support/app-config';
import { launchChromium } from '../support/browser';
import { ROOT, testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { signInThroughLoginPage } from '../support/login-page';

const SCREENSHOTS = path.join(process.env.ONE_BLUEPRINT_DATA_DIR ?? path.join(ROOT, '.data'), 'screenshots');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

describe('admin screens', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  const stamp = Date.now().toString(36);
  const username = `e2e_admin_${stamp}`;
  const ruleSetCode = `e2e_admin_${stamp}`;
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let admin: SignedIn;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  async function screenshots(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(SCREENSHOTS, `admin-${name}-${size.width}.png`) });
    }
    await page.setViewportSize(SIZES[1]!);
  }

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    admin = await signIn(server.url, 'admin');
    // a rule set of the test's own, so that no other suite's checks see its versions change
    const created = await requestJson(`${server.url}/api/v1/compliance/rule-sets/${ruleSetCode}`, {
      method: 'PUT',
      headers: admin.headers(),
      body: { ...SAMPLE_RULE_SET, code: ruleSetCode, name: `端到端规则集 ${stamp}` },
    });
    if (created.status !== 200)
      throw new Error(`rule set: ${created.status} ${JSON.stringify(created.body)}`);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: SIZES[1], locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughLoginPage(page, server.url, 'admin');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await pool.end();
  });

  it('shows the admin who and where in the header, and 管理 leads to the users', async () => {
    await expect(page.textContent('[data-testid="user-department"]')).resolves.toBe(
      '乌鲁木齐市政务服务和大数据管理局',
    );
    await expect(page.textContent('[data-testid="user-scope"]')).resolves.toBe('全市');
    await page.click('[data-testid="nav-admin"]');
    await page.waitForSelector('[data-testid="users-table"]');
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    for (const section of ['users', 'api-keys', 'rule-sets', 'audit', 'statistics', 'service-levels'])
      expect(await page.$(`[data-testid="admin-nav-${section}"]`)).not.toBeNull();
  });

  it('creates a user, showing the server’s complaint beside the field it names, and disables it', async () => {
    await page.click('[data-testid="user-new"]');
    await page.fill('[data-testid="user-new-username"]', username);
    await page.fill('[data-testid="user-new-password"]', `Pw-${stamp}-secret`);
    await page.fill('[data-testid="user-new-display-name"]', `端到端用户 ${stamp}`);
    await page.selectOption('[data-testid="user-new-department"]', 'natural_resources');
    await page.check('[data-testid="user-new-role-viewer"]');
    await page.fill('[data-testid="user-new-districts"]', '6501');
    await page.click('[data-testid="user-new-submit"]');
    const complaint = await page.waitForSelector('[data-testid="field-error-districts"]');
    expect(await complaint.textContent()).toContain('6位行政区划代码');
    await expect(page.getAttribute('[data-testid="user-new-districts"]', 'aria-invalid')).resolves.toBe(
      'true',
    );

    await page.fill('[data-testid="user-new-districts"]', '650102');
    await page.click('[data-testid="user-new-submit"]');
    const row = await page.waitForSelector(`[data-testid="user-row-${username}"]`);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`端到端用户 ${stamp}`);
    expect(text).toContain('自然资源');
    expect(text).toContain('650102');
    await expect(page.textContent('[data-testid="admin-users-notice"]')).resolves.toContain(username);

    await page.click(`[data-testid="user-edit-${username}"]`);
    await page.uncheck('[data-testid="user-edit-active"]');
    await page.click('[data-testid="user-edit-submit"]');
    await page.waitForSelector(`[data-testid="user-row-${username}"][data-active="false"]`);
    const stored = await pool.query<{ active: boolean }>('SELECT active FROM users WHERE username = $1', [
      username,
    ]);
    expect(stored.rows[0]?.active).toBe(false);
  });

  it('issues an API key shown once, which works, and revokes it', async () => {
    await page.click('[data-testid="admin-nav-api-keys"]');
    const name = `端到端密钥 ${stamp}`;
    await page.fill('[data-testid="key-name"]', name);
    await page.check('[data-testid="key-service-wms"]');
    await page.click('[data-testid="key-issue"]');
    const secret = (await page.textContent('[data-testid="key-secret"]')) ?? '';
    expect(secret).toMatch(/^ob_[A-Za-z0-9]{8}_/);
    const capabilities = `${server.url}/wms?SERVICE=WMS&REQUEST=GetCapabilities&apikey=${secret}`;
    expect((await fetch(capabilities)).status).toBe(200);

    const row = page.locator(`[data-testid^="key-row-"][data-name="${name}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('active');
    const id = ((await row.getAttribute('data-testid')) ?? '').replace('key-row-', '');
    await page.click(`[data-testid="key-revoke-${id}"]`);
    await page.click(`[data-testid="key-revoke-confirm-${id}"]`);
    await page.waitForSelector(`[data-testid="key-row-${id}"][data-state="revoked"]`);
    expect((await fetch(capabilities)).status).toBeGreaterThanOrEqual(400);
    await screenshots('api-keys');
  });

  it('edits a rule set as JSON, shows the schema error on its line and beside the field, and saves version 2', async () => {
    await page.click('[data-testid="admin-nav-rule-sets"]');
    await page.waitForSelector('[data-testid="rule-set-choose"]');
    await page.selectOption('[data-testid="rule-set-choose"]', ruleSetCode);
    await page.waitForSelector(`[data-testid="rule-set-editor"]`);
    await page.waitForSelector('[data-testid="rule-set-version-1"][data-current="true"]');
    await page.click('[data-testid="rule-set-mode-json"]');

    const textarea = '[data-testid="rule-set-json-text"]';
    const original = await page.inputValue(textarea);
    expect(original).toContain('"distanceM": 30');
    // not JSON at all: said on its line before anything is sent
    const lines = original.split('\n');
    const comma = lines.findIndex((l) => l.includes('"distanceM": 30')) + 1;
    await page.fill(textarea, original.replace('"distanceM": 30', '"distanceM": 30,'));
    await page.click('[data-testid="rule-set-save"]');
    const syntax = await page.waitForSelector('[data-testid="json-issue"][data-path="$"]');
    // the parser stops at the brace after the stray comma, one line down
    expect(Number(await syntax.getAttribute('data-line'))).toBe(comma + 1);
    expect(await page.textContent('[data-testid="rule-set-json"]')).toContain('JSON 格式错误');

    const broken = original.replace('"distanceM": 30', '"distanceM": -5');
    await page.fill(textarea, broken);
    await page.click('[data-testid="rule-set-save"]');

    const issue = await page.waitForSelector(
      '[data-testid="json-issue"][data-path="rules[4].params.distanceM"]',
    );
    const line = broken.split('\n').findIndex((l) => l.includes('"distanceM": -5')) + 1;
    expect(Number(await issue.getAttribute('data-line'))).toBe(line);
    expect(await page.$(`[data-testid="json-gutter-error-${line}"]`)).not.toBeNull();
    // the message stands beside that line, in Chinese, and the line is scrolled into view
    await expect(page.textContent(`[data-testid="json-note-${line}"]`)).resolves.toBe('数值过小：应大于 0');
    const frame = (await page.locator('.ob-admin-json-frame').boundingBox())!;
    const marked = (await page.locator(`[data-testid="json-gutter-error-${line}"]`).boundingBox())!;
    expect(marked.y).toBeGreaterThanOrEqual(frame.y);
    expect(marked.y + marked.height).toBeLessThanOrEqual(frame.y + frame.height);
    await screenshots('rule-set-json');

    // the same complaint beside the form field of that path, fixed there
    await page.click('[data-testid="rule-set-mode-form"]');
    const field = '[data-testid="rule-field-rules[4].params.distanceM"]';
    await expect(page.getAttribute(field, 'aria-invalid')).resolves.toBe('true');
    const beside = page.locator('[data-path="rules[4].params.distanceM"] [data-testid="rule-issue"]');
    expect(await beside.count()).toBe(1);
    await page.fill(field, '45');
    await page.click('[data-testid="rule-set-save"]');
    await expect(page.textContent('[data-testid="rule-set-saved"]')).resolves.toContain('第 2 版');
    await page.waitForSelector('[data-testid="rule-set-version-2"][data-current="true"]');
    await page.waitForSelector('[data-testid="rule-set-version-1"][data-current="false"]');

    const saved = await requestJson(`${server.url}/api/v1/compliance/rule-sets/${ruleSetCode}`, {
      headers: admin.headers(),
    });
    expect(saved.body.version).toBe(2);
    expect(saved.body.rules[4].params.distanceM).toBe(45);
    expect(saved.body.rules).toHaveLength(SAMPLE_RULE_SET.rules.length);
    await screenshots('rule-set-form');
  });

  it('draws the statistics charts with the figures of the statistics API, and offers the CSVs', async () => {
    await page.click('[data-testid="admin-nav-statistics"]');
    await page.waitForSelector('[data-testid="chart-stage"] svg');
    const projects = await requestJson(`${server.url}/api/v1/statistics/projects`, {
      headers: admin.headers(),
    });
    const approvals = await requestJson(`${server.url}/api/v1/statistics/approvals`, {
      headers: admin.headers(),
    });
    expect(projects.status).toBe(200);
    expect(projects.body.total.count).toBeGreaterThan(0);

    const chartTotals = (chart: string, by: 'data-label' | 'data-key') =>
      page.$$eval(
        `[data-testid="${chart}"] [data-testid="chart-row"]`,
        (rows, attribute) =>
          rows.map((row) => [row.getAttribute(attribute), Number(row.getAttribute('data-total'))]),
        by,
      );
    const expected = (groups: { key: string; label: string; count: number }[], by: 'key' | 'label') =>
      groups.map((g) => [g[by], g.count]);
    expect(await chartTotals('chart-stage', 'data-label')).toEqual(expected(projects.body.byStage, 'label'));
    expect(await chartTotals('chart-district', 'data-key')).toEqual(
      expected(projects.body.byDistrict, 'key'),
    );
    // districts are named (from the districts layer), with their code
    expect(await page.getAttribute('[data-testid="chart-district"] [data-key="650102"]', 'data-label')).toBe(
      '天山区（650102）',
    );
    // every bar is as long as its figure says, against the longest
    const widths = await page.$$eval('[data-testid="chart-district"] [data-testid="chart-bar"]', (bars) =>
      bars.map((bar) => [Number(bar.getAttribute('width')), Number(bar.getAttribute('data-value'))]),
    );
    const most = Math.max(...widths.map(([, v]) => v!));
    const longest = Math.max(...widths.map(([w]) => w!));
    for (const [width, value] of widths) expect(width! / longest).toBeCloseTo(value! / most, 5);

    const byStage = new Map<string, { onTime: number; late: number }>();
    for (const g of approvals.body.groups as { stageName: string; count: number; overdueCount: number }[]) {
      const entry = byStage.get(g.stageName) ?? { onTime: 0, late: 0 };
      entry.onTime += g.count - g.overdueCount;
      entry.late += g.overdueCount;
      byStage.set(g.stageName, entry);
    }
    const approvalBars = await page.$$eval(
      '[data-testid="chart-approvals"] [data-testid="chart-bar"]',
      (bars) =>
        bars.map((bar) => [
          bar.parentElement?.getAttribute('data-label'),
          bar.getAttribute('data-series'),
          Number(bar.getAttribute('data-value')),
        ]),
    );
    expect(approvalBars).toEqual(
      [...byStage].flatMap(([stage, f]) => [
        [stage, 'onTime', f.onTime],
        [stage, 'late', f.late],
      ]),
    );
    // the table beside the chart has the same numbers, and areas carry their units
    const districtTable = await page.textContent('[data-testid="table-district"]');
    expect(districtTable).toContain('公顷');
    expect(districtTable).toContain('天山区（650102）');
    expect(districtTable).toContain('m²');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="stats-csv-projects"]'),
    ]);
    expect(download.suggestedFilename()).toBe('project-statistics.csv');
    await screenshots('statistics');
  });

  it('shows the audit log with its chain intact, filtered by action and user', async () => {
    await page.click('[data-testid="admin-nav-audit"]');
    await page.waitForSelector('[data-testid="audit-chain-intact"]');
    await page.selectOption('[data-testid="audit-filter-action"]', 'create');
    await page.fill('[data-testid="audit-filter-username"]', 'admin');
    await page.click('[data-testid="audit-filter-apply"]');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
      return rows.length > 0 && rows.every((row) => row.getAttribute('data-action') === 'create');
    });
    const total = Number(await page.getAttribute('[data-testid="audit-pager"]', 'data-total'));
    const api = await requestJson(`${server.url}/api/v1/audit?action=create&username=admin&limit=1`, {
      headers: admin.headers(),
    });
    // the page's count, give or take the entries written since (this test's own reads are not creates)
    expect(total).toBeGreaterThan(0);
    expect(api.body.total).toBeGreaterThanOrEqual(total);
    expect(await page.textContent('[data-testid="audit-table"]')).toContain('user');
    await screenshots('audit');
  });

  it('shows the service levels against the 5-second rule', async () => {
    await page.click('[data-testid="admin-nav-service-levels"]');
    await page.waitForSelector('[data-testid="admin-service-levels"]');
    expect(
      (await page.$('[data-testid="levels-ok"]')) ?? (await page.$('[data-testid="levels-slow"]')),
    ).not.toBeNull();
    await page.click('[data-testid="admin-nav-users"]');
    await page.waitForSelector('[data-testid="users-table"]');
    await screenshots('users');
    expect(pageErrors).toEqual([]);
  });

  it('gives a planner no 管理 link and the forbidden message on /admin', async () => {
    const planner = await browser.newContext({ viewport: SIZES[0], locale: 'zh-CN' });
    try {
      const plannerPage = await planner.newPage();
      await signInThroughLoginPage(plannerPage, server.url, 'planner');
      await plannerPage.waitForSelector('[data-testid="nav-compliance"]');
      expect(await plannerPage.$('[data-testid="nav-admin"]')).toBeNull();
      await plannerPage.goto(`${server.url}/admin`);
      const forbidden = await plannerPage.waitForSelector('[data-testid="forbidden"]');
      expect(await forbidden.textContent()).toContain('您没有执行此操作的权限');
      expect(await plannerPage.$('[data-testid="admin-page"]')).toBeNull();
      // and the server agrees: the users API answers 403 for a planner
      const asPlanner = await signIn(server.url, 'planner');
      expect((await requestJson(`${server.url}/api/v1/users`, { headers: asPlanner.headers() })).status).toBe(
        403,
      );
    } finally {
      await planner.close();
    }
  });
});
