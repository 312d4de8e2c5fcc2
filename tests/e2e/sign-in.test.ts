// Signing in through the client in a real headless Chromium against the real server and test database:
// the refusals said in Chinese (wrong password, locked with when to retry, disabled), an anonymous
// visitor's pages without manage buttons and the login page in front of a manage action (and back to it
// afterwards), and changing one's password. Users of its own, so that no lockout or password change here
// touches the demo users other suites sign in as.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Pool } from 'pg';
import { createUser, DEFAULT_LOCKOUT } from '../../accounts';
import { createApp } from '../../spatial-api';
import { testAppConfig } from '../support/app-config';
import { launchChromium } from '../support/browser';
import { testDatabaseUrl } from '../support/environment';
import { listenOnFreePort } from '../support/http';
import { loginSelectors, signInThroughLoginPage, submitLogin } from '../support/login-page';

describe('sign-in', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  const suffix = randomBytes(4).toString('hex');
  const password = `E2e-${randomBytes(6).toString('hex')}`;
  const users = {
    wrong: `e2e_wrong_${suffix}`,
    locked: `e2e_locked_${suffix}`,
    disabled: `e2e_disabled_${suffix}`,
    planner: `e2e_planner_${suffix}`,
    changer: `e2e_changer_${suffix}`,
    tianshan: `e2e_tianshan_${suffix}`,
  };
  let server: Awaited<ReturnType<typeof listenOnFreePort>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  async function loginError(): Promise<{ code: string | null; text: string }> {
    const error = await page.waitForSelector(loginSelectors.error);
    return { code: await error.getAttribute('data-error-code'), text: (await error.textContent()) ?? '' };
  }

  beforeAll(async () => {
    server = await listenOnFreePort(createApp({ pool, config: testAppConfig() }));
    const user = (username: string, fields: { roles: string[]; active?: boolean; districts?: string[] }) =>
      createUser(pool, { username, displayName: `端到端 ${username}`, password, ...fields });
    await user(users.wrong, { roles: ['viewer'] });
    await user(users.locked, { roles: ['viewer'] });
    await user(users.disabled, { roles: ['viewer'], active: false });
    await user(users.planner, { roles: ['planner'] });
    await user(users.changer, { roles: ['viewer'] });
    await user(users.tianshan, { roles: ['planner'], districts: ['650102'] });
    browser = await launchChromium();
  });

  beforeEach(async () => {
    // each test starts anonymous, in a browser of its own (no cookie carried over)
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await pool.end();
  });

  it('says 用户名或密码错误 for a wrong password, stays on the login page and empties the password', async () => {
    await page.goto(`${server.url}/login`);
    await submitLogin(page, users.wrong, `${password}x`);
    const error = await loginError();
    expect(error.code).toBe('bad_credentials');
    expect(error.text).toBe('用户名或密码错误，请重新输入。');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.inputValue(loginSelectors.password)).resolves.toBe('');
    expect(await page.$('[data-testid="user-menu"]')).toBeNull();
  });

  it('says the account is locked and when to try again after five failures', async () => {
    // four failures over HTTP, the fifth through the page
    for (let i = 1; i < DEFAULT_LOCKOUT.maxFailures; i++) {
      const response = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: users.locked, password: 'not-the-password' }),
      });
      expect(response.status).toBe(401);
    }
    await page.goto(`${server.url}/login`);
    await submitLogin(page, users.locked, 'not-the-password');
    const error = await loginError();
    expect(error.code).toBe('account_locked');
    const minutes = DEFAULT_LOCKOUT.lockMinutes;
    expect(error.text).toMatch(
      new RegExp(`^登录失败次数过多，账号已锁定，请 ${minutes} 分钟后（\\d{2}:\\d{2} 以后）再试。$`),
    );

    // the right password does not get in while locked
    const [answer] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/api/v1/session') && response.request().method() === 'POST',
      ),
      submitLogin(page, users.locked, password),
    ]);
    expect(answer.status()).toBe(429);
    expect(Number(await answer.headerValue('retry-after'))).toBeGreaterThan(0);
    await expect(loginError()).resolves.toMatchObject({ code: 'account_locked' });
    expect(await page.$('[data-testid="user-menu"]')).toBeNull();
  });

  it('says the account is disabled for a disabled user with the right password', async () => {
    await page.goto(`${server.url}/login`);
    await submitLogin(page, users.disabled, password);
    const error = await loginError();
    expect(error.code).toBe('account_disabled');
    expect(error.text).toBe('该账号已停用，请联系系统管理员。');
  });

  it('shows an anonymous visitor the catalog and a public layer without any manage button', async () => {
    await page.goto(`${server.url}/layers`);
    await page.waitForSelector('[data-testid="catalog-row-land_use_plan"]');
    await page.waitForSelector('[data-testid="sign-in-link"]');
    expect(await page.$('[data-testid="new-layer"]')).toBeNull();
    expect(await page.$('[data-testid="catalog-row-imagery_2024"]')).toBeNull();
    expect(await page.$('[data-testid="catalog-row-regional_assessments"]')).toBeNull();

    await page.click('[data-testid="catalog-row-ecological_red_line"] a');
    await page.waitForSelector('[data-testid="layer-detail"][data-code="ecological_red_line"]');
    await page.waitForSelector('[data-testid="version-row-1"]');
    for (const manage of ['upload-file', 'upload-submit', 'layer-meta-form', 'delete-layer']) {
      expect(await page.$(`[data-testid="${manage}"]`)).toBeNull();
    }
  });

  it('sends an anonymous visitor opening the new-layer page to the login page, and back to it after signing in', async () => {
    await page.goto(`${server.url}/new-layer`);
    await page.waitForSelector('[data-testid="login-form"]');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/new-layer');
    await expect(page.textContent('[data-testid="login-required"]')).resolves.toContain('请先登录');

    await submitLogin(page, users.planner, password);
    await page.waitForSelector('[data-testid="create-layer-form"]');
    expect(new URL(page.url()).pathname).toBe('/new-layer');
    await expect(page.getAttribute('[data-testid="user-menu"]', 'data-username')).resolves.toBe(
      users.planner,
    );
  });

  it('sends an anonymous visitor opening a non-public layer to the login page, and back to it after signing in', async () => {
    await page.goto(`${server.url}/layers/imagery_2024`);
    await page.waitForSelector('[data-testid="login-form"]');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/layers/imagery_2024');
    await submitLogin(page, users.planner, password);
    await page.waitForSelector('[data-testid="layer-detail"][data-code="imagery_2024"]');
    // a planner may manage it
    expect(await page.isVisible('[data-testid="upload-submit"]')).toBe(true);
  });

  it('shows a district-scoped planner their districts, and no manage buttons on a city-wide layer', async () => {
    await signInThroughLoginPage(page, server.url, users.tianshan, { password, next: '/layers' });
    await expect(page.textContent('[data-testid="user-scope"]')).resolves.toBe('辖区：650102');
    // may manage layers (of their districts): the new-layer button is there
    await page.waitForSelector('[data-testid="new-layer"]');
    await page.click('[data-testid="catalog-row-ecological_red_line"] a');
    await page.waitForSelector('[data-testid="layer-detail"][data-code="ecological_red_line"]');
    await page.waitForSelector('[data-testid="version-row-1"]');
    for (const manage of ['upload-submit', 'layer-meta-form', 'delete-layer']) {
      expect(await page.$(`[data-testid="${manage}"]`)).toBeNull();
    }
  });

  it('loads the session again when the server refuses its CSRF token, so that the next try carries the new one', async () => {
    await signInThroughLoginPage(page, server.url, users.planner, { password, next: '/new-layer' });
    await page.waitForSelector('[data-testid="create-layer-form"]');
    // a second sign-in in the same browser (as from another tab) replaces the cookie and its token
    const again = await page.request.post(`${server.url}/api/v1/session`, {
      data: { username: users.planner, password },
    });
    expect(again.status()).toBe(200);

    await page.fill('[data-testid="create-layer-code"]', 'Bad Code!');
    await page.fill('[data-testid="create-layer-name"]', '错误编码');
    await page.click('[data-testid="create-layer-submit"]');
    await page.waitForSelector('[data-testid="create-layer-error"] [data-error-code="csrf_failed"]');

    // the same request again reaches the server's input check, with the new token
    await page.click('[data-testid="create-layer-submit"]');
    const refused = await page.waitForSelector(
      '[data-testid="create-layer-error"] [data-error-code]:not([data-error-code="csrf_failed"])',
    );
    expect(await refused.getAttribute('data-error-code')).toBe('bad_request');
  });

  it('changes the password on the account page: the current one is checked, the new one signs in', async () => {
    await signInThroughLoginPage(page, server.url, users.changer, { password });
    await page.click('[data-testid="user-name"]');
    await page.waitForSelector('[data-testid="password-form"]');
    expect(new URL(page.url()).pathname).toBe('/account');

    const newPassword = `Neu-${randomBytes(6).toString('hex')}`;
    await page.fill('[data-testid="password-current"]', `${password}x`);
    await page.fill('[data-testid="password-new"]', newPassword);
    await page.fill('[data-testid="password-confirm"]', `${newPassword}x`);
    await page.waitForSelector('[data-testid="password-mismatch"]');
    expect(await page.isDisabled('[data-testid="password-submit"]')).toBe(true);

    await page.fill('[data-testid="password-confirm"]', newPassword);
    await page.click('[data-testid="password-submit"]');
    const refused = await page.waitForSelector('[data-testid="password-error"]');
    expect(await refused.textContent()).toContain('当前密码错误');

    await page.fill('[data-testid="password-current"]', password);
    await page.click('[data-testid="password-submit"]');
    await page.waitForSelector('[data-testid="password-changed"]');

    const withOld = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: users.changer, password }),
    });
    expect(withOld.status).toBe(401);
    const withNew = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: users.changer, password: newPassword }),
    });
    expect(withNew.status).toBe(200);
    expect(pageErrors).toEqual([]);
  });
});
