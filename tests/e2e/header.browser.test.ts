import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TestPages } from '../support/browser';
import { registerUser, type TestUser } from '../support/factories';
import { startTestServer } from '../support/server';

const STEP_TIMEOUT = 60_000;

describe('the header and the lists on a phone', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  let user: TestUser;
  let phone: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    user = await registerUser(server.app);
    phone = await pages.signedIn(user, { viewport: { width: 375, height: 700 } });
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  const sections = () => phone.getByRole('navigation', { name: 'Main' });
  const menu = () => phone.getByRole('button', { name: /^Menu/ });

  it('keeps the brand and the search box in view and folds everything else into the menu', { timeout: STEP_TIMEOUT }, async () => {
    await phone.getByRole('combobox', { name: 'Find in Partnera' }).waitFor();
    expect(await sections().isVisible()).toBe(false);
    expect(await phone.getByRole('button', { name: 'Sign out', includeHidden: true }).isVisible()).toBe(false);
    expect(await menu().getAttribute('aria-expanded')).toBe('false');

    await menu().click();
    expect(await menu().getAttribute('aria-expanded')).toBe('true');
    await sections().getByRole('link', { name: 'Ideas' }).waitFor();
    await phone.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'My profile' }).waitFor();
    await phone.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('folds again after choosing a page, and on Escape', { timeout: STEP_TIMEOUT }, async () => {
    await sections().getByRole('link', { name: 'Ideas' }).click();
    await phone.waitForURL((url) => url.pathname === '/ideas');
    await sections().waitFor({ state: 'hidden' });
    expect(await menu().getAttribute('aria-expanded')).toBe('false');

    await menu().click();
    await sections().waitFor();
    await phone.keyboard.press('Escape');
    await sections().waitFor({ state: 'hidden' });
  });

  it('marks the menu button when there is something new behind it', { timeout: STEP_TIMEOUT }, async () => {
    expect(await menu().textContent()).not.toContain('new activity');
    await sql`insert into notifications (user_id, kind, data) values (${user.id}, 'organisation.verified', '{}'::jsonb)`.execute(server.handle.db);
    // The unread count is read when the page loads (and polled after).
    await phone.reload();
    await phone.getByRole('button', { name: 'Menu (new activity)' }).waitFor();
    await menu().click();
    await phone.getByRole('link', { name: /Notifications \(1 unread/ }).waitFor();
  });

  it('folds the filters of lists and search so the results come first', { timeout: STEP_TIMEOUT }, async () => {
    for (const path of ['/ideas', '/events', '/search?q=water']) {
      await phone.goto(`${server.url}${path}`);
      const filters = phone.locator('details.filters-box');
      await filters.locator('summary').waitFor();
      expect(await filters.getAttribute('open'), path).toBeNull();
      await filters.locator('summary').click();
      expect(await filters.getAttribute('open'), path).not.toBeNull();
    }
    await phone.getByRole('navigation', { name: 'Show' }).getByRole('link', { name: 'Events' }).waitFor();
    expect(pages.errors).toEqual([]);
  });
});
