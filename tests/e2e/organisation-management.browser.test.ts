import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TestPages } from '../support/browser';
import { createOrganisation, makePlatformRole, registerUser, type TestUser } from '../support/factories';
import { startTestServer } from '../support/server';

const STEP_TIMEOUT = 60_000;

describe('organisation management in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 6);
  let owner: TestUser;
  let colleague: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    owner = await registerUser(server.app, { displayName: `Elena ${tag}` });
    colleague = await registerUser(server.app, { displayName: `Ivan ${tag}` });
    admin = await registerUser(server.app, { displayName: `Admin ${tag}` });
    await makePlatformRole(server.handle.db, admin.id, 'admin');
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('filters the directory by country and region in the URL and pages with "Load more"', { timeout: STEP_TIMEOUT }, async () => {
    for (let i = 0; i < 22; i++) {
      await createOrganisation(server.app, colleague, {
        name: `Directory ${tag} ${String(i).padStart(2, '0')}`,
        territoryCode: i % 2 === 0 ? 'BG-01' : 'BG-02',
      });
    }
    await createOrganisation(server.app, colleague, { name: `Directory ${tag} Tirana`, country: 'AL', legalId: null, territoryCode: null });

    const page = await pages.open();
    await page.goto(`${server.url}/organisations?q=${encodeURIComponent(`Directory ${tag}`)}`);
    await page.getByRole('link', { name: `Directory ${tag} 00` }).waitFor();
    const cards = page.locator('main article');
    expect(await cards.count()).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('link', { name: `Directory ${tag} Tirana` }).waitFor();
    expect(await cards.count()).toBe(23);

    await page.getByLabel('Country').selectOption('BG');
    await page.waitForURL(/country=BG/);
    const region = page.getByLabel('Region');
    await page.waitForFunction(() => (document.getElementById('filter-region') as HTMLSelectElement).options.length > 1);
    await region.selectOption('BG-02');
    await page.waitForURL(/region=BG-02/);
    await page.waitForFunction(() => document.querySelectorAll('main article').length === 11);

    // Filters survive a reload because they live in the URL.
    await page.reload();
    await page.getByRole('link', { name: `Directory ${tag} 01` }).waitFor();
    expect(await page.getByLabel('Region').inputValue()).toBe('BG-02');
    expect(await cards.count()).toBe(11);

    await page.getByLabel('Search').fill(`nothing-matches-${tag}`);
    await page.getByText('No organisations match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    // The whole directory is back (other tests' organisations too, so no particular card is promised on page one).
    await page.getByText('No organisations match these filters.').waitFor({ state: 'detached' });
    await page.locator('main article').first().waitFor();
    expect(await page.getByLabel('Search').inputValue()).toBe('');
    await page.waitForURL((url) => url.search === '');
  });

  it('edits an organisation and recovers from a concurrent change (409)', { timeout: STEP_TIMEOUT }, async () => {
    const org = await createOrganisation(server.app, owner, { name: `Valley Alliance ${tag}` });
    const page = await pages.open();
    await pages.signIn(page, owner, `/organisations/${org.id}`);
    await page.getByRole('link', { name: 'Edit' }).click();
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();
    expect(await name.inputValue()).toBe(`Valley Alliance ${tag}`);

    // Someone else saves first.
    const res = await server.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${org.id}`,
      headers: { ...owner.auth, 'if-match': `"${org.version}"` },
      payload: { description: 'Changed in another tab.' },
    });
    expect(res.statusCode).toBe(200);

    await name.fill(`Valley Alliance ${tag} (renamed)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else changed this organisation while you were editing.').waitFor();
    await page.getByRole('button', { name: 'Reload latest version' }).click();
    await page.waitForFunction(
      () => (document.getElementById('org-description') as HTMLTextAreaElement | null)?.value === 'Changed in another tab.',
    );

    // A malformed registry number is caught before sending.
    await page.getByLabel('Registry number').fill('12345');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This does not look like a valid registry number for this country.').waitFor();
    await page.getByLabel('Registry number').fill('');

    await page.getByLabel('Name', { exact: true }).fill(`Valley Alliance ${tag} (renamed)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.pathname === `/organisations/${org.id}`);
    await page.getByRole('heading', { name: `Valley Alliance ${tag} (renamed)`, level: 1 }).waitFor();
    await page.getByText('Changed in another tab.').waitFor();
  });

  it('lets an owner invite, promote and remove a member, with confirmation', { timeout: STEP_TIMEOUT }, async () => {
    const org = await createOrganisation(server.app, owner, { name: `Riverside Network ${tag}` });
    const ownerPage = await pages.open();
    await pages.signIn(ownerPage, owner, `/organisations/${org.id}/members`);
    await ownerPage.getByLabel('Email address').fill(colleague.email);
    await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
    const inviteUrl = await ownerPage.getByLabel('Invite link').inputValue();

    // The colleague opens the link signed out, signs in from there and accepts.
    const colleaguePage = await pages.open();
    await colleaguePage.goto(`${server.url}${new URL(inviteUrl).pathname}`);
    await colleaguePage.getByText(`You are invited to join Riverside Network ${tag} as Member.`).waitFor();
    await colleaguePage.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await colleaguePage.getByLabel('Email').fill(colleague.email);
    await colleaguePage.getByLabel('Password').fill(colleague.password);
    await colleaguePage.getByRole('button', { name: 'Sign in' }).click();
    await colleaguePage.getByRole('button', { name: 'Accept invitation' }).click();
    await colleaguePage.getByText(`Welcome! You are now a member of Riverside Network ${tag}.`).waitFor();

    await ownerPage.reload();
    const role = ownerPage.getByLabel(`Role of Ivan ${tag}`);
    await role.waitFor();
    expect(await role.inputValue()).toBe('member');
    await role.selectOption('editor');
    await ownerPage.getByText(`The role of Ivan ${tag} is now Editor.`).waitFor();

    // Removing asks first; cancelling keeps the member.
    await ownerPage.getByRole('button', { name: `Remove Ivan ${tag}` }).click();
    const dialog = ownerPage.getByRole('dialog', { name: 'Remove member?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await ownerPage.getByLabel(`Role of Ivan ${tag}`).count()).toBe(1);
    await ownerPage.getByRole('button', { name: `Remove Ivan ${tag}` }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await ownerPage.getByText(`Ivan ${tag} has been removed.`).waitFor();
    expect(await ownerPage.getByLabel(`Role of Ivan ${tag}`).count()).toBe(0);

    // The last owner cannot leave.
    await ownerPage.getByRole('button', { name: 'Leave organisation' }).click();
    const leave = ownerPage.getByRole('dialog', { name: 'Leave organisation?' });
    await leave.getByRole('button', { name: 'Leave organisation' }).click();
    await leave.getByText('An organisation needs at least one owner.').waitFor();
  });

  it('lets a platform admin verify and reject, and the owner is notified', { timeout: STEP_TIMEOUT }, async () => {
    const toVerify = await createOrganisation(server.app, owner, { name: `Verify Me ${tag}` });
    const toReject = await createOrganisation(server.app, owner, { name: `Reject Me ${tag}` });
    const ownerPage = await pages.open();
    await pages.signIn(ownerPage, owner, `/organisations/${toVerify.id}`);
    await ownerPage.getByRole('button', { name: 'Request verification' }).click();
    await ownerPage.getByText('Verification requested.').waitFor();
    await server.app.inject({ method: 'POST', url: `/api/v1/organisations/${toReject.id}/verification-request`, headers: owner.auth });

    // Not for ordinary users.
    await ownerPage.goto(`${server.url}/admin/verification`);
    await ownerPage.getByText('Only platform administrators can see the verification queue.').waitFor();

    const adminPage = await pages.open();
    await pages.signIn(adminPage, admin, '/organisations');
    await adminPage.getByRole('link', { name: 'Admin' }).click();
    await adminPage.getByRole('heading', { name: 'Verification queue' }).waitFor();
    await adminPage.getByRole('button', { name: `Verify Verify Me ${tag}` }).click();
    await adminPage.getByText(`Verify Me ${tag} is now verified.`).waitFor();

    await adminPage.getByRole('button', { name: `Reject Reject Me ${tag}` }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.getByText('Please give a reason for the rejection.').waitFor();
    await dialog.getByLabel('Reason (shown to the organisation)').fill('The registry number belongs to another body.');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await adminPage.getByText(`Verification of Reject Me ${tag} was rejected.`).waitFor();
    // Both left the queue (other test files may have requests of their own waiting in a shared database).
    await adminPage.getByRole('button', { name: `Reject Reject Me ${tag}` }).waitFor({ state: 'detached' });
    expect(await adminPage.getByRole('button', { name: `Verify Verify Me ${tag}` }).count()).toBe(0);

    // The owner reads the outcome in their notifications.
    await ownerPage.goto(`${server.url}/notifications`);
    await ownerPage.getByText(`Verify Me ${tag} has been verified.`).waitFor();
    await ownerPage
      .getByText(`Verification of Reject Me ${tag} was rejected: The registry number belongs to another body.`)
      .waitFor();
    await ownerPage.getByRole('button', { name: 'Mark all as read' }).click();
    await ownerPage.getByText('0 unread').waitFor();
    expect(await ownerPage.getByRole('button', { name: 'Mark as read' }).count()).toBe(0);

    await ownerPage.goto(`${server.url}/organisations/${toReject.id}`);
    await ownerPage.getByText('Reason: The registry number belongs to another body.').waitFor();
    await ownerPage.getByRole('button', { name: 'Request verification' }).waitFor();
    expect(pages.errors).toEqual([]);
  });
});
