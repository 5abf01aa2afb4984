import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** The system Chromium to drive (CHROMIUM_PATH, else Debian's usual paths), or null when none is installed. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Launches headless Chromium with flags that keep it quiet and working inside containers. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install it (apt-get install chromium)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
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

/** The pages of one browser test file: each in its own context (its own session), with page errors collected. */
export class TestPages {
  readonly errors: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  async open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({ locale: 'en-GB', ...options });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => this.errors.push(err.message));
    return page;
  }

  /** Signs in through the login form and waits until the app shows `next`. */
  async signIn(page: Page, user: { email: string; password: string }, next = '/'): Promise<void> {
    await page.goto(`${this.baseUrl}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === next.split('?')[0]);
    // Attached, not necessarily visible: on a phone it is inside the folded menu.
    await page.getByRole('button', { name: 'Sign out', includeHidden: true }).waitFor({ state: 'attached' });
  }

  /** A new browser context, signed in as `user` on the front page. */
  async signedIn(user: { email: string; password: string }, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await this.open(options);
    await this.signIn(page, user);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}
