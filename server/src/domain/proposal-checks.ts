/**
 * Completeness rules of a joint proposal, pure: the content plus who the partners are in, checks out.
 * Each rule gives one check per thing it looks at (one per output, per activity, per summary field), so the
 * editor can mark exactly what is missing; `ok: true` checks are kept so the panel can show progress.
 *
 * Budget rule: the stated total value of the project is the whole cost, so it must equal the sum over all
 * budget lines of amount + co-financing (compared in cents).
 */
import type { CompletenessCheck, ProposalContent } from '../schemas/proposals';

export interface CheckContext {
  /** The lead organisation's id. */
  leadId: string;
  /** Ids of organisations that accepted to be partners (lead excluded or included, either works). */
  acceptedPartnerIds: string[];
}

export const REQUIRED_SUMMARY_FIELDS = ['description', 'targetGroups', 'place', 'totalValue', 'currency', 'durationMonths'] as const;
const CURRENCIES = ['BGN', 'EUR', 'ALL', 'AZN', 'USD'];
const FIELD_NAMES: Record<string, string> = {
  description: 'description',
  targetGroups: 'target groups',
  place: 'place',
  totalValue: 'total value',
  currency: 'currency',
  durationMonths: 'duration in months',
};

/** Parses "120000.50" into cents; null when it is not a plain decimal amount. */
export function parseAmountCents(text: string): number | null {
  const match = /^\s*(\d{1,13})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

export function parseDurationMonths(text: string): number | null {
  const match = /^\s*(\d{1,3})\s*$/.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1 && n <= 120 ? n : null;
}

const toCents = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) : 0);
const formatCents = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const filled = (s: string) => s.trim().length > 0;

export function computeChecks(content: ProposalContent, context: CheckContext): CompletenessCheck[] {
  const checks: CompletenessCheck[] = [];
  const { summary } = content;

  // Required summary fields, then the ones that must be numbers or a known currency.
  for (const field of REQUIRED_SUMMARY_FIELDS) {
    const ok = filled(summary[field]);
    checks.push({ code: 'summary_required', section: 'summary', ok, message: ok ? `The ${FIELD_NAMES[field]} is filled in` : `Fill in the ${FIELD_NAMES[field]}`, params: { field } });
  }
  const totalCents = parseAmountCents(summary.totalValue);
  const duration = parseDurationMonths(summary.durationMonths);
  if (filled(summary.totalValue) && totalCents === null) {
    checks.push({ code: 'summary_invalid', section: 'summary', ok: false, message: 'The total value must be an amount like 120000.50', params: { field: 'totalValue' } });
  }
  if (filled(summary.durationMonths) && duration === null) {
    checks.push({ code: 'summary_invalid', section: 'summary', ok: false, message: 'The duration must be a whole number of months from 1 to 120', params: { field: 'durationMonths' } });
  }
  if (filled(summary.currency) && !CURRENCIES.includes(summary.currency.trim())) {
    checks.push({ code: 'summary_invalid', section: 'summary', ok: false, message: `The currency must be one of ${CURRENCIES.join(', ')}`, params: { field: 'currency' } });
  }

  // Objectives.
  const overallOk = filled(content.overall.text);
  checks.push({ code: 'overall_objective', section: 'overall', ok: overallOk, message: overallOk ? 'The overall objective is written' : 'Write the overall objective' });
  const writtenObjectives = content.objectives.filter((o) => filled(o.text)).length;
  checks.push({
    code: 'specific_objective',
    section: 'overall',
    ok: writtenObjectives > 0,
    message: writtenObjectives > 0 ? 'At least one specific objective is written' : 'Write at least one specific objective',
    params: { count: writtenObjectives },
  });

  // Every output has at least one indicator with a target.
  if (content.outputs.length === 0) {
    checks.push({ code: 'outputs_required', section: 'overall', ok: false, message: 'Add at least one expected result' });
  }
  content.outputs.forEach((output, i) => {
    const ok = output.indicators.some((ind) => filled(ind.name) && filled(ind.target));
    checks.push({
      code: 'output_indicator_target',
      section: `output:${output.id}`,
      ok,
      message: ok ? `Result ${i + 1} has an indicator with a target` : `Give result ${i + 1} at least one indicator with a target`,
      params: { number: i + 1 },
    });
  });

  // Every activity has a responsible partner and months within the duration.
  const partners = new Set([context.leadId, ...context.acceptedPartnerIds]);
  content.activities.forEach((activity, i) => {
    const number = i + 1;
    const partnerOk = activity.partnerId !== null && partners.has(activity.partnerId);
    checks.push({
      code: 'activity_partner',
      section: `activity:${activity.id}`,
      ok: partnerOk,
      message: partnerOk
        ? `Activity ${number} has a responsible partner`
        : activity.partnerId
          ? `Activity ${number}: the responsible organisation is not (or no longer) a partner`
          : `Choose the partner responsible for activity ${number}`,
      params: { number },
    });
    const { startMonth: start, endMonth: end } = activity;
    const monthsOk = start !== null && end !== null && start >= 1 && start <= end && duration !== null && end <= duration;
    checks.push({
      code: 'activity_months',
      section: `activity:${activity.id}`,
      ok: monthsOk,
      message: monthsOk
        ? `Activity ${number} runs within the project`
        : start === null || end === null
          ? `Set the start and end month of activity ${number}`
          : duration === null
            ? `Set the project's duration so activity ${number}'s months can be checked`
            : `Activity ${number} must run within months 1–${duration} and end after it starts`,
      params: { number, ...(duration !== null && { duration }) },
    });
  });

  // Budget lines add up to the stated total value.
  const budgetCents = content.budget.reduce((sum, line) => sum + toCents(line.amount) + toCents(line.cofinancing), 0);
  const budgetOk = content.budget.length > 0 && totalCents !== null && budgetCents === totalCents;
  checks.push({
    code: 'budget_total',
    section: 'budget',
    ok: budgetOk,
    message: budgetOk
      ? 'The budget lines add up to the total value'
      : content.budget.length === 0
        ? 'Add budget lines'
        : totalCents === null
          ? `The budget lines add up to ${formatCents(budgetCents)}; state the same total value in the summary`
          : `The budget lines add up to ${formatCents(budgetCents)} but the total value is ${formatCents(totalCents)}`,
    params: { budget: formatCents(budgetCents), ...(totalCents !== null && { total: formatCents(totalCents), difference: formatCents(totalCents - budgetCents) }) },
  });
  return checks;
}

/** Budget totals per partner and per category, in cents (shared by the export and the checks' view). */
export function budgetTotals(content: ProposalContent) {
  const byPartner = new Map<string | null, { amount: number; cofinancing: number }>();
  const byCategory = new Map<string, { amount: number; cofinancing: number }>();
  let amount = 0;
  let cofinancing = 0;
  for (const line of content.budget) {
    const a = toCents(line.amount);
    const c = toCents(line.cofinancing);
    amount += a;
    cofinancing += c;
    for (const [map, key] of [
      [byPartner, line.partnerId],
      [byCategory, line.category],
    ] as Array<[Map<string | null, { amount: number; cofinancing: number }>, string | null]>) {
      const t = map.get(key) ?? { amount: 0, cofinancing: 0 };
      t.amount += a;
      t.cofinancing += c;
      map.set(key, t);
    }
  }
  return { byPartner, byCategory, amount, cofinancing, total: amount + cofinancing };
}

export { formatCents };
