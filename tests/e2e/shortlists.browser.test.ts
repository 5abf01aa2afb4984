import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TestPages } from '../support/browser';
import { createPlanWithMeasures } from '../support/plan-factories';
import { startTestServer } from '../support/server';
import { createCouncil, createIdeaOwner, createRound, getRound } from '../support/shortlists';

const STEP_TIMEOUT = 90_000;

describe('regional council shortlists in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let pages: TestPages;
  const tag = randomUUID().slice(0, 8);
  const roundTitle = `Rural youth call ${tag}`;
  const titles = {
    library: `Village library reading club ${tag}`,
    sports: `Sports ground renovation ${tag}`,
    market: `Farmers market hall ${tag}`,
  };
  let council: Awaited<ReturnType<typeof createCouncil>>;
  let planTitle = '';
  let roundId = '';

  /** Scores each idea (by title) with one value per criterion and submits, as a reviewer does. */
  async function scoreAll(page: Page, scores: Record<string, number[]>) {
    for (const [title, values] of Object.entries(scores)) {
      const card = page.locator(`[data-testid="review-card"][data-entry-title="${title}"]`);
      const inputs = card.getByTestId('score-input');
      await expect.poll(() => inputs.count()).toBe(values.length);
      for (const [i, v] of values.entries()) await inputs.nth(i).fill(String(v));
      await card.getByLabel('Comment on Relevance to plan priorities').fill(`Comment on ${title}`);
      await card.getByRole('button', { name: 'Submit scores' }).click();
      await card.getByText('Scores saved.').waitFor();
      await card.getByTestId('my-review-state').filter({ hasText: 'Submitted' }).waitFor();
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    pages = new TestPages(browser, server.url);
    council = await createCouncil(server.app);
    const { plan } = await createPlanWithMeasures(server.app, council.owner, council.orgId, { overrides: { title: `Regional development plan ${tag}` } });
    planTitle = plan.title;
    await createIdeaOwner(server.app, { title: titles.library });
    await createIdeaOwner(server.app, { title: titles.sports });
    await createIdeaOwner(server.app, { title: titles.market });
  }, 120_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('lets a council editor set up a round with weighted criteria, reviewers and entries', { timeout: STEP_TIMEOUT }, async () => {
    const page = await pages.open();
    await pages.signIn(page, council.editor, '/shortlists/new');
    await page.getByLabel('Title', { exact: true }).fill(roundTitle);
    // Three criteria instead of the five suggested: the weights must come back to 100.
    await page.getByRole('button', { name: 'Remove criterion 5' }).click();
    await page.getByRole('button', { name: 'Remove criterion 4' }).click();
    await expect.poll(() => page.getByTestId('weights-sum').textContent()).toContain('70%');
    await page.getByLabel('Weight of criterion 1 (%)').fill('50');
    await page.getByLabel('Weight of criterion 2 (%)').fill('30');
    await expect.poll(() => page.getByTestId('weights-sum').textContent()).toContain('The weights sum to 100%.');
    await page.getByLabel(planTitle, { exact: false }).check();
    await page.getByLabel(/Reviewer Ana/).check();
    await page.getByLabel(/Reviewer Boris/).check();
    await page.getByLabel('Blind mode', { exact: false }).check();
    await page.getByRole('button', { name: 'Create the round' }).click();
    await page.waitForURL(/\/shortlists\/[0-9a-f-]{36}$/);
    roundId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: roundTitle }).waitFor();
    await page.getByText('No entries yet.').waitFor();

    // The council adds the three published ideas it finds.
    await page.getByLabel('Search ideas').fill(tag);
    await page.getByRole('button', { name: 'Search ideas' }).click();
    for (const title of Object.values(titles)) {
      await page.getByRole('button', { name: `Add: ${title}` }).click();
      await page.getByTestId('entry-row').filter({ hasText: title }).waitFor();
    }
    await expect.poll(() => page.getByTestId('entry-row').count()).toBe(3);

    await page.getByTestId('status-next').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start reviewing' }).click();
    await page.getByTestId('round-status').filter({ hasText: 'Reviewing' }).first().waitFor();

    const round = await getRound(server.app, council.editor, roundId);
    expect(round.criteria.map((c) => [c.name, c.weight])).toEqual([
      ['Relevance to plan priorities', 50],
      ['Partnership', 30],
      ['Feasibility', 20],
    ]);
    expect(round.blind).toBe(true);
    expect(round.reviewers.map((r) => r.id).sort()).toEqual([council.reviewerA.id, council.reviewerB.id].sort());
  });

  it('lets two reviewers score the three ideas, blind until each submits', { timeout: STEP_TIMEOUT }, async () => {
    const a = await pages.open();
    await pages.signIn(a, council.reviewerA, `/shortlists/${roundId}`);
    await a.getByRole('heading', { name: 'My reviews' }).waitFor();
    await scoreAll(a, { [titles.library]: [5, 4, 3], [titles.sports]: [3, 3, 3], [titles.market]: [4, 5, 5] });

    const b = await pages.open();
    await pages.signIn(b, council.reviewerB, `/shortlists/${roundId}`);
    // Blind mode: A's scores stay hidden from B until B submits.
    const library = b.locator(`[data-testid="review-card"][data-entry-title="${titles.library}"]`);
    await library.getByTestId('others-hidden').waitFor();
    await scoreAll(b, { [titles.library]: [4, 4, 3], [titles.sports]: [2, 3, 4], [titles.market]: [5, 5, 4] });
    await library.getByTestId('other-review').waitFor();
    expect(await library.getByTestId('other-review').textContent()).toContain('Reviewer Ana');

    const progress = (await getRound(server.app, council.editor, roundId)).reviewers;
    expect(progress.map((p) => p.submitted)).toEqual([3, 3]);
  });

  it('lets the council decide and publish; the public report shows the chart and the ranking', { timeout: STEP_TIMEOUT }, async () => {
    const page = await pages.open();
    await pages.signIn(page, council.editor, `/shortlists/${roundId}`);
    const rows = page.getByTestId('ranking-row');
    await expect.poll(() => rows.count()).toBe(3);
    // Weighted totals: market 93, library 81, sports 57 (weights 50/30/20, scale 0–5).
    await expect.poll(() => rows.allTextContents()).toEqual([
      expect.stringContaining(titles.market),
      expect.stringContaining(titles.library),
      expect.stringContaining(titles.sports),
    ]);
    expect(await rows.nth(0).textContent()).toContain('93.00');

    const decide = async (title: string, decision: string, reason = '') => {
      const row = rows.filter({ hasText: title });
      await row.getByTestId('decision-select').selectOption({ label: decision });
      if (reason) await row.getByTestId('decision-reason').fill(reason);
      await row.getByRole('button', { name: 'Save the decision' }).click();
      await page.getByTestId('entry-row').filter({ hasText: title }).filter({ hasText: decision }).waitFor();
    };
    await decide(titles.market, 'Shortlisted');
    await decide(titles.library, 'Shortlisted');
    // Rejecting needs a reason.
    const sportsRow = rows.filter({ hasText: titles.sports });
    await sportsRow.getByTestId('decision-select').selectOption({ label: 'Rejected' });
    await sportsRow.getByRole('button', { name: 'Save the decision' }).click();
    await sportsRow.getByText('Please give a reason').waitFor();
    await decide(titles.sports, 'Rejected', 'Too little partnership');

    await page.getByTestId('status-next').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Finalise the decisions' }).click();
    await page.getByTestId('round-status').filter({ hasText: 'Decided' }).first().waitFor();
    await page.getByTestId('status-next').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish the report' }).click();
    await page.getByTestId('round-status').filter({ hasText: 'Published' }).first().waitFor();

    // Anyone, signed out, reads the report.
    const visitor = await pages.open();
    await visitor.goto(`${server.url}/shortlists/${roundId}/report`);
    await visitor.getByRole('heading', { name: roundTitle }).waitFor();
    const reportRows = visitor.getByTestId('report-row');
    await expect.poll(() => reportRows.count()).toBe(3);
    const texts = await reportRows.allTextContents();
    expect(texts[0]).toContain(titles.market);
    expect(texts[0]).toContain('Shortlisted');
    expect(texts[1]).toContain(titles.library);
    expect(texts[2]).toContain(titles.sports);
    expect(texts[2]).toContain('Too little partnership');

    const chart = visitor.getByTestId('totals-chart');
    const svg = chart.locator('svg[role="img"]');
    await svg.waitFor();
    expect(await chart.locator('svg title').first().textContent()).toBe('Total score per entry (0–100)');
    const bars = chart.locator('rect.bar');
    expect(await bars.count()).toBe(3);
    const widths = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    expect(await chart.textContent()).toContain('93.00');
    // The coverage chart: one bar per priority of the linked plan.
    await visitor.getByTestId('coverage-chart').locator('svg[role="img"]').waitFor();
    expect(await visitor.getByTestId('coverage-chart').locator('rect.bar').count()).toBe(1);
    expect(pages.errors).toEqual([]);
  });

  it("offers an idea's editors the open council rounds of its region", { timeout: STEP_TIMEOUT }, async () => {
    const open = await createRound(server.app, council.editor, council.orgId, { title: `Open call ${tag}` });
    const author = await createIdeaOwner(server.app, { title: `Riverside cycling path ${tag}` });
    const page = await pages.open();
    await pages.signIn(page, author.owner, `/ideas/${author.idea.id}`);
    await page.getByRole('heading', { name: 'Submit to a council round' }).waitFor();
    await page.getByRole('button', { name: `Submit to “Open call ${tag}”` }).click();
    await page.getByText(`Submitted to “Open call ${tag}”.`).waitFor();
    const entries = (await getRound(server.app, council.editor, open.id)).entries;
    expect(entries.map((e) => [e.idea.id, e.addedSide])).toEqual([[author.idea.id, 'owner']]);
  });
});
