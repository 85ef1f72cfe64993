import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  selectors,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterEach, inject } from 'vitest';
import { SCREENSHOTS } from './paths';

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launch(): Promise<Browser> {
  // The app marks what tests look for with data-test.
  selectors.setTestIdAttribute('data-test');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A 1280×800 laptop in Chinese, unless other options (a phone's screen) are given. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...options,
  });
}

/** Uncaught errors on a page: a screen that "works" while throwing is broken. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Logs a demo user in through the log-in page and waits for their first page. */
export async function login(page: Page, username: string): Promise<void> {
  const password = inject('logins')[username];
  if (!password) throw new Error(`no demo log-in for ${username}`);
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Saves a screenshot of the page as it is now, for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let transitions (tab fades, messages sliding in) settle first.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** After a failed test, a picture of each page still open, to see what the user would have seen. */
export function shootOnFailure(pages: () => Record<string, Page>): void {
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const [name, page] of Object.entries(pages())) if (!page.isClosed()) await shot(page, `failed-${name}`);
  });
}

/**
 * Several people at once, each in their own browser context, logged in on first use (a demo user
 * through the log-in page, anyone else by the given steps); their pages' uncaught errors are kept.
 */
export class People {
  private readonly sessions: Record<string, { context: BrowserContext; page: Page; errors: string[] }> = {};
  constructor(private readonly browser: () => Browser) {}

  async as(who: string, logIn: (page: Page) => Promise<void> = (page) => login(page, who)): Promise<Page> {
    let session = this.sessions[who];
    if (!session) {
      const context = await newContext(this.browser());
      const page = await context.newPage();
      session = { context, page, errors: watchErrors(page) };
      this.sessions[who] = session;
      await logIn(page);
    }
    return session.page;
  }

  /** Each person's open page, for pictures after a failure. */
  pages(prefix = ''): Record<string, Page> {
    return Object.fromEntries(Object.entries(this.sessions).map(([who, s]) => [`${prefix}${who}`, s.page]));
  }

  /** Each person with the uncaught errors their page threw. */
  errors(): Array<{ who: string; errors: string[] }> {
    return Object.entries(this.sessions).map(([who, s]) => ({ who, errors: s.errors }));
  }

  async close(): Promise<void> {
    for (const s of Object.values(this.sessions)) await s.context.close();
  }
}
