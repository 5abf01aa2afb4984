import { describe, expect, it } from 'vitest';
import type { ProposalContent } from '../schemas/proposals';
import { computeChecks, parseAmountCents } from './proposal-checks';

const LEAD = 'lead-org';
const PARTNER = 'partner-org';

function complete(): ProposalContent {
  return {
    summary: { description: 'Green schools', targetGroups: 'pupils', place: 'Gabrovo', totalValue: '1000.50', currency: 'EUR', durationMonths: '12', period: '2027' },
    overall: { id: 'o', text: 'Cleaner air', assumptions: '', indicators: [] },
    objectives: [{ id: 's1', text: 'Plant trees', assumptions: '', indicators: [] }],
    outputs: [{ id: 'r1', objectiveId: 's1', text: '500 trees', assumptions: '', indicators: [{ id: 'i1', name: 'trees planted', baseline: '0', target: '500', verification: 'photos' }] }],
    activities: [{ id: 'a1', outputId: 'r1', text: 'Planting days', partnerId: PARTNER, startMonth: 2, endMonth: 12, assumptions: '' }],
    budget: [
      { id: 'b1', category: 'staff', description: 'coordinator', partnerId: LEAD, amount: 800.25, cofinancing: 100 },
      { id: 'b2', category: 'equipment', description: 'saplings', partnerId: PARTNER, amount: 100.25, cofinancing: 0 },
    ],
  };
}
const ctx = { leadId: LEAD, acceptedPartnerIds: [PARTNER] };
const failing = (content: ProposalContent, context = ctx) => computeChecks(content, context).filter((c) => !c.ok);

describe('computeChecks', () => {
  it('passes a complete proposal', () => {
    expect(failing(complete())).toEqual([]);
  });

  it('wants an indicator with a target for every output', () => {
    const c = complete();
    c.outputs[0]!.indicators[0]!.target = '  ';
    expect(failing(c).map((x) => [x.code, x.section])).toEqual([['output_indicator_target', 'output:r1']]);
    c.outputs[0]!.indicators = [];
    expect(failing(c).map((x) => x.code)).toEqual(['output_indicator_target']);
  });

  it('wants a responsible partner who is the lead or an accepted partner', () => {
    const c = complete();
    c.activities[0]!.partnerId = null;
    expect(failing(c).map((x) => [x.code, x.section])).toEqual([['activity_partner', 'activity:a1']]);
    c.activities[0]!.partnerId = 'someone-else';
    expect(failing(c).map((x) => x.code)).toEqual(['activity_partner']);
    c.activities[0]!.partnerId = LEAD;
    expect(failing(c)).toEqual([]);
    c.activities[0]!.partnerId = PARTNER;
    expect(failing(c, { leadId: LEAD, acceptedPartnerIds: [] }).map((x) => x.code)).toEqual(['activity_partner']);
  });

  it('wants months with 1 ≤ start ≤ end ≤ duration', () => {
    for (const [start, end] of [
      [0, 5],
      [6, 5],
      [2, 13],
      [null, 5],
    ] as Array<[number | null, number | null]>) {
      const c = complete();
      c.activities[0]!.startMonth = start;
      c.activities[0]!.endMonth = end;
      expect(failing(c).map((x) => x.code)).toEqual(['activity_months']);
    }
    const c = complete();
    c.activities[0]!.startMonth = 12;
    expect(failing(c)).toEqual([]);
    c.summary.durationMonths = '';
    expect(failing(c).map((x) => x.code).sort()).toEqual(['activity_months', 'summary_required']);
  });

  it('wants budget lines (amount + co-financing) to equal the total value, to the cent', () => {
    const c = complete();
    c.summary.totalValue = '1000.49';
    const [check] = failing(c);
    expect(check).toMatchObject({ code: 'budget_total', section: 'budget', params: { budget: '1000.50', total: '1000.49', difference: '-0.01' } });
    c.budget = [];
    c.summary.totalValue = '0';
    expect(failing(c).map((x) => x.code)).toEqual(['budget_total']);
  });

  it('wants the required summary fields and well-formed numbers', () => {
    const c = complete();
    c.summary.place = '';
    c.summary.currency = 'DOLLARS';
    c.summary.durationMonths = 'twelve';
    const codes = failing(c).map((x) => `${x.code}:${x.params?.field ?? ''}`);
    expect(codes).toContain('summary_required:place');
    expect(codes).toContain('summary_invalid:currency');
    expect(codes).toContain('summary_invalid:durationMonths');
  });

  it('wants the overall objective and a specific objective written', () => {
    const c = complete();
    c.overall.text = '';
    c.objectives[0]!.text = ' ';
    expect(failing(c).map((x) => x.code)).toEqual(['overall_objective', 'specific_objective']);
  });

  it('parses amounts', () => {
    expect(parseAmountCents('120000.50')).toBe(12_000_050);
    expect(parseAmountCents('7')).toBe(700);
    expect(parseAmountCents('7.5')).toBe(750);
    expect(parseAmountCents('1e5')).toBeNull();
    expect(parseAmountCents('')).toBeNull();
  });
});
