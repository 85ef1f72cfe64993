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
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { SCREENSHOTS } from './paths';

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
function launch(): Promise<Browser> {
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
function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
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
function watchErrors(page: Page): string[] {
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

/** A person's page in its own browser context, with the uncaught errors it threw. */
export interface UserPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** How to open a page: its screen (a phone's), its name in pictures, how to log in if not as a demo user. */
export interface OpenOptions {
  context?: BrowserContextOptions;
  name?: string;
  logIn?: (page: Page) => Promise<void>;
}

/** The test file's Chromium, and the logged-in pages its tests open on it. */
export interface TestBrowser {
  /** A new context and page, its errors watched, logged in as the demo user `who` (null: nobody). */
  open(who: string | null, options?: OpenOptions): Promise<UserPage>;
  /** The one page of each person, opened and logged in on first use. */
  as(who: string, logIn?: (page: Page) => Promise<void>): Promise<Page>;
  /** Each page opened (by its name: the user's unless another was given) with the uncaught errors it threw. */
  errors(): Array<{ who: string; errors: string[] }>;
}

/**
 * Launches one Chromium for the test file before its tests and closes it, with every context
 * opened on it, after them; after a failed test it saves a picture of every page still open,
 * named `failed-<prefix><name>`. Chromium is launched per file (it takes well under a second):
 * test files are isolated from one another, and a browser shared over a connection would give
 * downloads no local path, which the tests read.
 */
export function useBrowser(prefix = ''): TestBrowser {
  let browser: Browser | undefined;
  const opened: Array<UserPage & { base: string; name: string }> = [];
  const people = new Map<string, Promise<UserPage>>();
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const { name, context } of opened)
      for (const [i, page] of context.pages().entries())
        if (!page.isClosed()) await shot(page, `failed-${prefix}${name}${i ? `-page${i + 1}` : ''}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(who: string | null, options: OpenOptions = {}): Promise<UserPage> {
    if (!browser) throw new Error('open pages in a test or a beforeAll, once Chromium is up');
    const context = await newContext(browser, options.context);
    const page = await context.newPage();
    // A second page of the same name gets a number, so that its picture does not replace the first's.
    const base = options.name ?? who ?? 'visitor';
    const before = opened.filter((o) => o.base === base).length;
    const name = before ? `${base}-${before + 1}` : base;
    const session = { context, page, errors: watchErrors(page), base, name };
    opened.push(session);
    if (options.logIn) await options.logIn(page);
    else if (who !== null) await login(page, who);
    return session;
  }

  return {
    open,
    async as(who, logIn) {
      let session = people.get(who);
      if (!session) {
        session = open(who, { logIn });
        people.set(who, session);
      }
      return (await session).page;
    },
    errors: () => opened.map(({ name, errors }) => ({ who: name, errors })),
  };
}
