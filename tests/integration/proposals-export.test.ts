import type { ProposalDetail } from '@partnera/server/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestApp, type TestApp } from '../support/app';
import { registerUser } from '../support/factories';
import { docxText, pdfText } from '../support/documents';
import { ifMatch } from '../support/plan-factories';
import { addAcceptedPartner, createProposal, type ProposalSetup } from '../support/proposals';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Fills the logframe and budget the way editors would: one Yjs change, stored and relayed. */
async function fill(setup: ProposalSetup, partnerOrgId: string) {
  const sync = t.app.services.proposalSync;
  const doc = await sync.loadDoc(t.app.db, setup.proposal.id);
  const sv = Y.encodeStateVector(doc);
  doc.transact(() => {
    const outputs = doc.getArray('outputs');
    const indicator = (name: string, baseline: string, target: string, verification: string) => {
      const m = new Y.Map<unknown>();
      m.set('id', `i-${name.length}-${target}`);
      m.set('name', new Y.Text(name));
      m.set('baseline', new Y.Text(baseline));
      m.set('target', new Y.Text(target));
      m.set('verification', new Y.Text(verification));
      return m;
    };
    ((outputs.get(0) as Y.Map<unknown>).get('indicators') as Y.Array<unknown>).push([indicator('Trees planted', '0', '500', 'Planting records')]);
    const activities = doc.getArray('activities');
    const first = activities.get(0) as Y.Map<unknown>;
    first.set('partnerId', partnerOrgId);
    first.set('startMonth', 2);
    first.set('endMonth', 7);
    const budget = doc.getArray('budget');
    const line = (category: string, text: string, partnerId: string, amount: number, cofinancing: number) => {
      const m = new Y.Map<unknown>();
      m.set('id', `b-${text}`);
      m.set('category', category);
      m.set('description', new Y.Text(text));
      m.set('partnerId', partnerId);
      m.set('amount', amount);
      m.set('cofinancing', cofinancing);
      return m;
    };
    budget.push([
      line('staff', 'Project coordinator', setup.leadOrg.id, 7000, 1000),
      line('equipment', 'Saplings and tools', partnerOrgId, 3500.5, 499.5),
    ]);
  });
  (await sync.storeServerUpdate(t.app.db, setup.proposal.id, Y.encodeStateAsUpdate(doc, sv), null))();
}

async function exported(setup: ProposalSetup, format: 'docx' | 'pdf' | 'md') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/proposals/${setup.proposal.id}/export?format=${format}`, headers: setup.owner.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

describe('export for submission', () => {
  it('produces DOCX, PDF and Markdown holding the title, summary, logframe rows, activity plan and budget totals', async () => {
    const setup = await createProposal(t.app);
    const { org } = await addAcceptedPartner(t.app, setup);
    await fill(setup, org.id);
    const title = setup.proposal.title;

    const docx = await exported(setup, 'docx');
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename=".*\.docx"/);
    const md = await exported(setup, 'md');
    expect(md.headers['content-type']).toContain('text/markdown');
    const pdf = await exported(setup, 'pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const texts = { docx: await docxText(docx.rawPayload), pdf: await pdfText(pdf.rawPayload), md: md.body };
    for (const [format, text] of Object.entries(texts)) {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, format).toContain(title);
      expect(flat, format).toContain('Logical framework');
      expect(flat, format).toContain('Plant 500 trees');
      expect(flat, format).toContain('500 trees planted');
      expect(flat, format).toContain('Activity plan');
      if (format !== 'pdf') {
        // PDF table cells wrap, so their lines interleave in the extracted text; Word and Markdown keep cells whole.
        expect(flat, format).toContain('Overall objective');
        expect(flat, format).toContain('Cleaner air in the town');
        expect(flat, format).toContain('Trees planted');
        expect(flat, format).toContain('Planting records');
      }
      expect(flat, format).toContain('Planting days');
      expect(flat, format).toContain('Project coordinator');
      expect(flat, format).toContain(org.name);
      // Totals: 7000 + 3500.50 amount, 1000 + 499.50 co-financing, 12000.00 in all.
      expect(flat, format).toContain('10500.50');
      expect(flat, format).toContain('1499.50');
      expect(flat, format).toContain('12000.00');
    }
    // The logframe's rows, one per level, in the Word table.
    const lines = texts.docx.split('\n');
    expect(lines.some((l) => l.startsWith('Overall objective\t') && l.includes('Cleaner air in the town'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Specific objective 2\t') && l.includes('Teach pupils about air quality'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Expected result 1\t') && l.includes('Trees planted') && l.includes('500') && l.includes('Planting records'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Total\t') && l.includes('10500.50') && l.includes('1499.50') && l.includes('12000.00'))).toBe(true);

    // The checks agree: the budget adds up to the total value.
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/proposals/${setup.proposal.id}`, headers: setup.owner.auth });
    expect(detail.json<ProposalDetail>().checks.find((c) => c.code === 'budget_total')?.ok).toBe(true);
  });

  it("is laid out in the proposal's language", async () => {
    const setup = await createProposal(t.app, { language: 'bg' });
    const { org } = await addAcceptedPartner(t.app, setup);
    await fill(setup, org.id);
    const docx = await docxText((await exported(setup, 'docx')).rawPayload);
    expect(docx).toContain('Логическа рамка');
    expect(docx).toContain('Обща цел');
    expect(docx).toContain('Бюджет по партньори');
    expect(docx).not.toContain('Logical framework');

    // Switching the language switches the labels.
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/proposals/${setup.proposal.id}`, headers: { ...setup.owner.auth, ...ifMatch(1) }, payload: { language: 'sq' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const pdf = await pdfText((await exported(setup, 'pdf')).rawPayload);
    expect(pdf).toContain('Korniza logjike');
  });

  it('is not available to people outside the proposal', async () => {
    const setup = await createProposal(t.app);
    const outsider = await registerUser(t.app);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/proposals/${setup.proposal.id}/export?format=pdf`, headers: outsider.auth });
    expect(res.statusCode).toBe(404);
  });
});
