import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TestPages } from '../support/browser';
import { addMember, createOrganisation, registerUser, type TestUser } from '../support/factories';
import { createPublishedIdea } from '../support/plan-factories';
import { startTestServer } from '../support/server';

const STEP_TIMEOUT = 90_000;

/** Waits until a field's value satisfies `ok` (both pages converge asynchronously). */
async function waitForValue(field: Locator, ok: (value: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let value = '';
  while (Date.now() < deadline) {
    value = await field.inputValue();
    if (ok(value)) return value;
    await field.page().waitForTimeout(100);
  }
  throw new Error(`${what}: the field still reads “${value}”`);
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('joint proposal co-edited by two partners in two browsers', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 6);
  const ideaTitle = `Riverbank youth workshops ${tag}`;
  let lena: TestUser;
  let petar: TestUser;
  let rada: TestUser;
  let partnerOrgId = '';
  let ideaId = '';
  let proposalId = '';
  let leadPage: Page;
  let partnerPage: Page;


  const overallField = (page: Page) => page.getByRole('textbox', { name: 'Overall objective', exact: true });
  const completeness = (page: Page) => page.getByTestId('completeness');

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    // Editors (not owners) of two organisations do the work.
    const leadOwner = await registerUser(server.app, { displayName: `Lead chair ${tag}` });
    lena = await registerUser(server.app, { displayName: `Lena ${tag}` });
    const leadOrg = await createOrganisation(server.app, leadOwner, { name: `River Friends ${tag}` });
    await addMember(server.app, leadOwner, leadOrg.id, lena, 'editor');
    const partnerOwner = await registerUser(server.app, { displayName: `Mayor ${tag}` });
    petar = await registerUser(server.app, { displayName: `Petar ${tag}` });
    const partnerOrg = await createOrganisation(server.app, partnerOwner, { name: `Riverside Youth Club ${tag}` });
    partnerOrgId = partnerOrg.id;
    await addMember(server.app, partnerOwner, partnerOrg.id, petar, 'editor');
    const idea = await createPublishedIdea(server.app, leadOwner, leadOrg.id, {
      title: ideaTitle,
      overallObjective: 'Young people care for the river.',
      specificObjectives: ['Teach river ecology to pupils'],
      expectedResults: ['Workshops held in four schools'],
      mainActivities: ['Prepare the workshop kit'],
      budget: '20000',
      currency: 'EUR',
      durationMonths: 12,
    });
    ideaId = idea.id;
    rada = await registerUser(server.app, { displayName: `Rada reviewer ${tag}` });
    leadPage = await pages.signedIn(lena, { acceptDownloads: true });
    partnerPage = await pages.signedIn(petar, { acceptDownloads: true });
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('starts a proposal from the idea and brings in an accepted partner', { timeout: STEP_TIMEOUT }, async () => {
    await leadPage.goto(`${server.url}/ideas/${ideaId}`);
    await leadPage.getByRole('heading', { name: ideaTitle }).waitFor();
    await leadPage.getByRole('button', { name: 'Start a joint proposal' }).click();
    await leadPage.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    proposalId = new URL(leadPage.url()).pathname.split('/').pop()!;
    await leadPage.getByTestId('connection-status').getByText('Live').waitFor();
    // The document was seeded from the idea.
    await waitForValue(overallField(leadPage), (v) => v === 'Young people care for the river.', 'seeded overall objective');

    // The partner organisation is invited and accepts (through the API, as its editor would).
    const invite = await server.app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${proposalId}/partners`,
      headers: lena.auth,
      payload: { organisationId: partnerOrgId, role: 'partner' },
    });
    expect(invite.statusCode, invite.body).toBeLessThan(300);
    const accept = await server.app.inject({ method: 'POST', url: `/api/v1/proposals/${proposalId}/partners/${partnerOrgId}/accept`, headers: petar.auth });
    expect(accept.statusCode, accept.body).toBeLessThan(300);

    // The proposal is in the partner's list.
    await partnerPage.goto(`${server.url}/proposals`);
    await partnerPage.getByRole('link', { name: ideaTitle }).click();
    await partnerPage.waitForURL(`**/proposals/${proposalId}`);
    await partnerPage.getByTestId('connection-status').getByText('Live').waitFor();
    await partnerPage.getByRole('region', { name: 'Partners' }).getByText(`Riverside Youth Club ${tag}`).waitFor();
  });

  it('merges both partners typing into the same section at the same time', { timeout: STEP_TIMEOUT }, async () => {
    const leadField = overallField(leadPage);
    const partnerField = overallField(partnerPage);
    await waitForValue(partnerField, (v) => v === 'Young people care for the river.', 'partner sees the seeded text');

    // Lena writes at the end, Petar at the start, keystroke by keystroke at the same time.
    await leadField.click();
    await leadField.press('Control+End');
    await partnerField.click();
    await partnerField.press('Control+Home');
    // Each sees who else is in the section.
    await leadPage.locator('section[data-section="overall"]').getByText(`Petar ${tag}`).first().waitFor();
    await Promise.all([
      leadField.pressSequentially(' Every school joins.', { delay: 25 }),
      partnerField.pressSequentially('Together: ', { delay: 25 }),
    ]);
    const expected = 'Together: Young people care for the river. Every school joins.';
    await waitForValue(leadField, (v) => v === expected, 'lead converges');
    await waitForValue(partnerField, (v) => v === expected, 'partner converges');
  });

  it('updates the completeness panel live when a missing indicator target is filled in', { timeout: STEP_TIMEOUT }, async () => {
    const missing = 'Give result 1 at least one indicator with a target';
    await completeness(leadPage).getByText(missing).waitFor();
    await completeness(partnerPage).getByText(missing).waitFor();

    const result = partnerPage.locator('section[data-section^="output:"]').first();
    await result.getByRole('button', { name: 'Add an indicator' }).click();
    await result.getByRole('textbox', { name: 'Indicator 1' }).fill('Pupils taking part');
    await result.getByRole('textbox', { name: 'Target 1' }).fill('400');

    // The server recomputes the checks and both panels follow.
    await completeness(partnerPage).getByText(missing).waitFor({ state: 'detached' });
    await completeness(leadPage).getByText(missing).waitFor({ state: 'detached' });
    // The lead's copy of the document has the indicator too.
    await waitForValue(leadPage.locator('section[data-section^="output:"]').first().getByRole('textbox', { name: 'Target 1' }), (v) => v === '400', 'target reaches the lead');

    // A budget line whose amount and co-financing add up to the stated total value (20000) settles the budget check.
    const budgetMissing = 'The budget lines add up to 0.00 but the total value is 20000.00';
    await completeness(leadPage).getByText(budgetMissing).waitFor();
    const budget = leadPage.locator('section[data-section="budget"]');
    await budget.getByRole('button', { name: 'Add a budget line' }).click();
    await budget.getByLabel('Category 1').selectOption('staff');
    await budget.getByLabel('Partner 1').selectOption({ label: `Riverside Youth Club ${tag}` });
    await budget.getByRole('spinbutton', { name: 'Amount 1' }).fill('15000');
    await budget.getByRole('spinbutton', { name: 'Co-financing 1' }).fill('5000');
    await completeness(leadPage).getByText(budgetMissing).waitFor({ state: 'detached' });
    await budget.getByText('The budget adds up to the stated total value.').waitFor();
    // Petar sees the line and the totals per partner and category.
    const partnerBudget = partnerPage.locator('section[data-section="budget"]');
    await partnerBudget.getByTestId('budget-grand-total').getByText('20,000').waitFor();
    await partnerBudget.getByRole('term').getByText(`Riverside Youth Club ${tag}`).waitFor();
    await partnerBudget.getByRole('term').getByText('Staff').waitFor();

    // Removing a row asks first; cancelling keeps it, confirming removes it for everyone.
    await budget.getByRole('button', { name: 'Add a budget line' }).click();
    await partnerBudget.getByLabel('Category 2').waitFor();
    await budget.getByRole('button', { name: 'Remove line 2' }).click();
    const dialog = leadPage.getByRole('dialog', { name: 'Remove the budget line' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await budget.getByLabel('Category 2').waitFor();
    await budget.getByRole('button', { name: 'Remove line 2' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await partnerBudget.getByLabel('Category 2').waitFor({ state: 'detached' });
    expect(await budget.getByLabel('Category 1').count()).toBe(1);
  });

  it('merges what a partner typed while offline when the connection comes back', { timeout: STEP_TIMEOUT }, async () => {
    // Petar's socket.io traffic goes through a switch: off closes the live connection and refuses new ones.
    let offline = false;
    let refused = 0;
    const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
    await partnerPage.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      if (offline) {
        // Nothing of socket.io gets through: the transport opens, then drops (a network that is not back yet).
        refused++;
        ws.onMessage(() => undefined);
        server.onMessage((message) => {
          if (typeof message !== 'string' || !message.startsWith('0')) return;
          // Engine.IO's open packet lets the client see a transport failure rather than wait for its handshake timeout.
          ws.send(message);
          setTimeout(() => {
            void ws.close().catch(() => undefined);
            void server.close().catch(() => undefined);
          }, 20);
        });
        return;
      }
      open.add({ page: ws, server });
    });
    await partnerPage.reload();
    const status = partnerPage.getByTestId('connection-status');
    await status.getByText('Live').waitFor();

    const leadPlace = leadPage.getByRole('textbox', { name: 'Place', exact: true });
    const partnerPlace = partnerPage.getByRole('textbox', { name: 'Place', exact: true });
    const seeded = await leadPlace.inputValue();
    await waitForValue(partnerPlace, (v) => v === seeded, 'partner has the place');

    offline = true;
    for (const ws of open) {
      await ws.page.close();
      await ws.server.close();
    }
    open.clear();
    await status.getByText('Offline', { exact: false }).waitFor();
    // Reconnection attempts come and fail while Petar is offline.
    await waitUntil(() => refused >= 1, 'a refused reconnection attempt');

    // Both edit the same field: Petar offline at the end, Lena live at the start.
    await partnerPlace.click();
    await partnerPlace.press('End');
    await partnerPlace.pressSequentially(' (riverside)', { delay: 10 });
    await leadPlace.click();
    await leadPlace.press('Home');
    await leadPlace.pressSequentially('Village: ', { delay: 10 });
    await waitForValue(leadPlace, (v) => v === `Village: ${seeded}`, 'lead has her own edit');
    // Petar's edit has not reached Lena while he is offline.
    expect(await leadPlace.inputValue()).toBe(`Village: ${seeded}`);
    expect(await partnerPlace.inputValue()).toBe(`${seeded} (riverside)`);

    offline = false;
    await status.getByText('Live').waitFor({ timeout: 20_000 });
    const merged = `Village: ${seeded} (riverside)`;
    await waitForValue(partnerPlace, (v) => v === merged, 'partner merges on reconnect');
    await waitForValue(leadPlace, (v) => v === merged, 'lead receives the offline edit');
  });

  it('keeps what a partner typed offline after the tab is closed and sends it on the next visit', { timeout: STEP_TIMEOUT }, async () => {
    const keptDrafts = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('partnera.proposal-unsent.')).length);
    const leadPlace = leadPage.getByRole('textbox', { name: 'Place', exact: true });
    const partnerPlace = partnerPage.getByRole('textbox', { name: 'Place', exact: true });
    const before = await leadPlace.inputValue();
    await waitForValue(partnerPlace, (v) => v === before, 'partner is up to date');

    // Offline: the socket.io traffic is cut, then Petar types and closes the tab.
    await partnerPage.context().setOffline(true);
    await partnerPage.evaluate(() => window.dispatchEvent(new Event('offline')));
    await partnerPage.getByTestId('connection-status').getByText('Offline', { exact: false }).waitFor({ timeout: 30_000 });
    await partnerPlace.click();
    await partnerPlace.press('End');
    await partnerPlace.pressSequentially(', east bank', { delay: 10 });
    await expect.poll(() => keptDrafts(partnerPage), { timeout: 10_000 }).toBe(1);
    const context = partnerPage.context();
    await partnerPage.close();
    expect(await leadPlace.inputValue()).toBe(before);

    // Back online, the next visit sends the kept change and forgets it once the server has it.
    await context.setOffline(false);
    partnerPage = await context.newPage();
    partnerPage.setDefaultTimeout(15_000);
    partnerPage.on('pageerror', (err) => pages.errors.push(err.message));
    await partnerPage.goto(`${server.url}/proposals/${proposalId}`);
    await partnerPage.getByTestId('connection-status').getByText('Live').waitFor();
    await waitForValue(leadPlace, (v) => v === `${before}, east bank`, 'lead receives the change typed before the tab was closed');
    await expect.poll(() => keptDrafts(partnerPage), { timeout: 10_000 }).toBe(0);
  });

  it('lets the lead grant read access; a reader sees the proposal read-only', { timeout: STEP_TIMEOUT }, async () => {
    const partners = leadPage.getByRole('region', { name: 'Partners' });
    await partners.getByText('Read access', { exact: true }).click();
    await partners.getByLabel('Email of a registered user').fill(rada.email);
    await partners.getByRole('button', { name: 'Give read access' }).click();
    await partners.getByText(`${rada.email} can now read the proposal.`).waitFor();

    const readerPage = await pages.signedIn(rada, { acceptDownloads: true });
    await readerPage.goto(`${server.url}/proposals/${proposalId}`);
    await readerPage.getByText('You can read this proposal. Only members of the partner organisations can edit it.').waitFor();
    const field = overallField(readerPage);
    await waitForValue(field, (v) => v.startsWith('Together: Young people care for the river.'), 'reader sees the text');
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await readerPage.getByRole('button', { name: 'Add an activity' }).count()).toBe(0);
    await readerPage.close();
  });

  it('keeps comments on a section that partners can resolve', { timeout: STEP_TIMEOUT }, async () => {
    const partnerSection = partnerPage.locator('section[data-section="overall"]');
    await partnerSection.getByRole('button', { name: /^Comments/ }).click();
    await partnerSection.getByText('No comments on this section.').waitFor();
    await partnerSection.getByLabel('Comment on this section').fill('Should we name the river?');
    await partnerSection.getByRole('button', { name: 'Post comment' }).click();
    await partnerSection.getByRole('list', { name: 'Comments' }).getByText('Should we name the river?').waitFor();

    // Lena sees the open comment counted on the section, live, and resolves it.
    const leadSection = leadPage.locator('section[data-section="overall"]');
    const commentsButton = leadSection.getByRole('button', { name: 'Comments (1 open comment)' });
    await commentsButton.click();
    await leadSection.getByText('Should we name the river?').waitFor();
    await leadSection.getByRole('button', { name: 'Resolve' }).click();
    await leadSection.getByRole('button', { name: 'Reopen' }).waitFor();
    await leadSection.getByRole('button', { name: 'Comments', exact: true }).waitFor();
    await partnerSection.getByText('Resolved', { exact: true }).waitFor();
  });

  it('saves a version, compares it with a later edit, and downloads the DOCX', { timeout: STEP_TIMEOUT }, async () => {
    const versions = leadPage.getByRole('region', { name: 'Versions' });
    await versions.getByLabel('Name of a new version').fill(`Sent to the municipality ${tag}`);
    await versions.getByRole('button', { name: 'Save version' }).click();
    await versions.getByText(`Version “Sent to the municipality ${tag}” saved.`).waitFor();

    // Another edit after the version, by the partner.
    const partnerField = overallField(partnerPage);
    await partnerField.click();
    await partnerField.press('Control+End');
    await partnerField.pressSequentially(' Parents help too.', { delay: 10 });
    await waitForValue(overallField(leadPage), (v) => v.endsWith('Parents help too.'), 'the later edit reaches the lead');

    // The saved version against the current text: the new sentence shows as added.
    await versions.getByLabel('From', { exact: true }).selectOption({ label: `${await versionNumber(versions, tag)}. Sent to the municipality ${tag}` });
    await versions.getByLabel('To', { exact: true }).selectOption({ label: 'Current text' });
    await versions.getByRole('button', { name: 'Compare' }).click();
    const diff = leadPage.getByTestId('version-diff');
    await diff.locator('ins', { hasText: 'Parents' }).first().waitFor();
    expect(await diff.locator('del').count()).toBe(0);
    // The comparison opens in a dialog over the page; closing it returns to the editor.
    await leadPage.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await diff.waitFor({ state: 'detached' });

    // The submission document downloads as a real DOCX (a zip).
    const [download] = await Promise.all([
      leadPage.waitForEvent('download'),
      leadPage.getByRole('button', { name: 'Download as DOCX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.length).toBeGreaterThan(2_000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(pages.errors).toEqual([]);
  });

  it('restores the saved version for both partners after a confirmation, and marks the proposal submitted', { timeout: STEP_TIMEOUT }, async () => {
    const versions = leadPage.getByRole('region', { name: 'Versions' });
    const number = await versionNumber(versions, tag);
    await versions.getByRole('button', { name: `Restore ${number}. Sent to the municipality ${tag}` }).click();
    const dialog = leadPage.getByRole('dialog', { name: 'Restore this version?' });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await versions.getByText(`Version ${number} was restored.`).waitFor();
    // The sentence typed after the version is gone, in both editors.
    for (const page of [leadPage, partnerPage]) {
      await waitForValue(overallField(page), (v) => !v.includes('Parents help too.') && v.length > 0, 'the restored text reaches every editor');
    }

    await leadPage.getByText('Title, call and status').click();
    await leadPage.getByLabel('Status', { exact: true }).selectOption({ label: 'Submitted' });
    await leadPage.getByRole('button', { name: 'Change status' }).click();
    await leadPage.getByText('The status was changed and a version was saved.').waitFor();
    await partnerPage.reload();
    await partnerPage.getByText('Submitted', { exact: true }).first().waitFor();
    expect(pages.errors).toEqual([]);
  });
});

/** The number the versions list shows for the named version ("3. Sent to …"). */
async function versionNumber(versions: Locator, tag: string): Promise<number> {
  const text = await versions.getByRole('list', { name: 'Saved versions' }).getByText(`Sent to the municipality ${tag}`).first().textContent();
  const n = Number(/^(\d+)\./.exec(text ?? '')?.[1]);
  if (!Number.isInteger(n)) throw new Error(`no version number in “${text}”`);
  return n;
}
