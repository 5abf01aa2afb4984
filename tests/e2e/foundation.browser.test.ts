import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startTestServer } from '../support/server';

const STEP_TIMEOUT = 60_000;

/** A valid 9-digit Bulgarian EIK/BULSTAT: 8 digits plus the official check digit. */
function bulstat9(base8: string): string {
  const digits = [...base8].map(Number);
  let sum = digits.reduce((acc, d, i) => acc + d * (i + 1), 0);
  let check = sum % 11;
  if (check === 10) {
    sum = digits.reduce((acc, d, i) => acc + d * (i + 3), 0);
    check = sum % 11;
    if (check === 10) check = 0;
  }
  return base8 + String(check);
}

function random8Digits(): string {
  return String(10_000_000 + Math.floor(Math.random() * 89_999_999));
}

describe('foundation: account, organisation, language, invitation', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const unique = randomUUID().slice(0, 8);
  const user = {
    name: `Mira Petrova ${unique}`,
    email: `mira.${unique}@example.org`,
    password: 'correct horse battery staple',
  };
  const orgName = `Rhodope Youth Network ${unique}`;
  const eik = bulstat9(random8Digits());
  const inviteeEmail = `colleague.${unique}@example.org`;
  let orgPath = '';
  let inviteLink = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('registers a new user, who is then signed in', { timeout: STEP_TIMEOUT }, async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).waitFor();

    await page.getByRole('link', { name: 'Register', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.getByLabel('Display name').fill(user.name);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    await page.getByText(user.email).waitFor();
    expect(await page.getByLabel('Display name').inputValue()).toBe(user.name);
  });

  it('signs out and signs in again', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'My profile' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('link', { name: 'My profile' }).waitFor();
  });

  it('creates an NGO in Bulgaria and sees its page', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Add organisation' }).click();
    await page.getByRole('heading', { name: 'Add an organisation' }).waitFor();

    await page.getByLabel('Type of organisation').selectOption('ngo');
    await page.getByLabel('Country').selectOption('BG');
    await page.getByLabel('Name', { exact: true }).fill(orgName);
    await page.getByLabel('Registry number').fill(eik);
    await page.getByLabel('Description').fill('Young people from mountain villages running cultural and civic projects.');
    await page.getByLabel('Website').fill('https://rhodope-youth.example.org');
    await page.getByRole('button', { name: 'Create organisation' }).click();

    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    orgPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: orgName, level: 1 }).waitFor();
    expect(await page.getByText(eik).isVisible()).toBe(true);
    expect(await page.getByText('Not verified').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Request verification' }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
  });

  it('switches the interface to Bulgarian', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('bg');
    await page.getByRole('navigation', { name: 'Основна навигация' }).getByRole('link', { name: 'Организации' }).waitFor();
    await page.getByRole('navigation', { name: 'Вашият акаунт' }).getByRole('link', { name: 'Моят профил' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bg');
    // The language switcher's label is in the chosen language too.
    await page.getByLabel('Език', { exact: true }).waitFor();
  });

  it('invites a member and is shown the invite link to pass on', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('link', { name: 'Управление на членовете' }).first().click();
    await page.getByRole('heading', { name: 'Членове', level: 1 }).waitFor();
    // The creator is listed as the owner.
    const myRole = page.getByLabel(`Роля на ${user.name}`);
    await myRole.waitFor();
    expect(await myRole.inputValue()).toBe('owner');

    await page.getByLabel('Имейл адрес').fill(inviteeEmail);
    await page.getByLabel('Роля', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Изпрати покана' }).click();

    const linkField = page.getByLabel('Връзка за покана');
    await linkField.waitFor();
    inviteLink = await linkField.inputValue();
    expect(inviteLink).toMatch(/\/invitations\/[^/\s]+$/);
    // The new invitation is listed as pending.
    await page.getByRole('button', { name: `Оттегли поканата за ${inviteeEmail}` }).waitFor();
  });

  it('shows the invitation to someone who opens the link', { timeout: STEP_TIMEOUT }, async () => {
    const guest = await browser.newContext({ locale: 'en-GB' });
    try {
      const guestPage = await guest.newPage();
      // Open the link's path on the test server (the link's host is the configured public URL).
      await guestPage.goto(`${server.url}${new URL(inviteLink).pathname}`);
      await guestPage.getByRole('heading', { name: 'Invitation' }).waitFor();
      await guestPage.getByText(`You are invited to join ${orgName} as Editor.`).waitFor();
      await guestPage.getByText(inviteeEmail).first().waitFor();
      await guestPage.getByRole('link', { name: 'Sign in' }).last().waitFor();
    } finally {
      await guest.close();
    }
  });

  it('signs out', { timeout: STEP_TIMEOUT }, async () => {
    await page.getByRole('button', { name: 'Изход' }).click();
    await page.getByRole('link', { name: 'Вход' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Изход' }).count()).toBe(0);
    // After a reload the session stays gone (the refresh cookie was revoked).
    await page.goto(`${server.url}${orgPath}`);
    await page.getByRole('heading', { name: orgName, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Вход' }).first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
