// Signing in and out as a person does: through the client's login page and the header's sign-out button.
import type { Page } from 'playwright-core';
import { demoPassword } from './access';

export const loginSelectors = {
  username: '[data-testid="login-username"]',
  password: '[data-testid="login-password"]',
  submit: '[data-testid="login-submit"]',
  error: '[data-testid="login-error-message"]',
} as const;

/** Fills the login page that is open and submits it. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.fill(loginSelectors.username, username);
  await page.fill(loginSelectors.password, password);
  await page.click(loginSelectors.submit);
}

/**
 * Opens /login (with ?next= when given), signs in with the demo password unless another is given, and
 * waits until the header shows the user.
 */
export async function signInThroughLoginPage(
  page: Page,
  baseUrl: string,
  username: string,
  { password = demoPassword(), next }: { password?: string; next?: string } = {},
): Promise<void> {
  await page.goto(`${baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.waitForSelector(loginSelectors.username);
  await submitLogin(page, username, password);
  await page.waitForSelector(`[data-testid="user-menu"][data-username="${username}"]`);
}

/** Clicks the header's sign-out button and waits for the 登录 link. */
export async function signOutThroughHeader(page: Page): Promise<void> {
  await page.click('[data-testid="sign-out"]');
  await page.waitForSelector('[data-testid="sign-in-link"]');
}
