import type { Currency, PlanItem, UpdateItemBody } from '@partnera/server/api-types';
import { PLAN_LIMITS as L } from './api/plans';
import { ApiError } from './api/client';
import { errorMessage } from './errors';
import { t } from './i18n/index.svelte';
import { normaliseAmount } from './money';

export interface ItemDraft {
  title: string;
  description: string;
  indicators: string;
  budget: string;
  currency: string;
}

export const emptyItemDraft = (): ItemDraft => ({ title: '', description: '', indicators: '', budget: '', currency: '' });

export function draftOf(item: PlanItem): ItemDraft {
  return {
    title: item.title,
    description: item.description,
    indicators: item.indicators.join('\n'),
    budget: item.budget ?? '',
    currency: item.currency ?? '',
  };
}

/** Checks an item's fields as the API will and returns the request body, or the field errors. */
export function readItemDraft(d: ItemDraft): { body: Required<UpdateItemBody> } | { errors: Record<string, string> } {
  const e: Record<string, string> = {};
  const title = d.title.trim();
  if (!title) e.title = t('validation.required');
  else if (title.length > L.itemTitleMax) e.title = t('validation.tooLong', { max: L.itemTitleMax });
  if (d.description.length > L.itemDescriptionMax) e.description = t('validation.tooLong', { max: L.itemDescriptionMax });
  const indicators = d.indicators
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (indicators.length > L.indicatorsMax) e.indicators = t('itemForm.tooManyIndicators', { max: L.indicatorsMax });
  else if (indicators.some((i) => i.length > L.indicatorMax)) e.indicators = t('itemForm.indicatorTooLong', { max: L.indicatorMax });
  let budget: string | null = null;
  if (d.budget.trim()) {
    budget = normaliseAmount(d.budget);
    if (budget === null) e.budget = t('validation.amount');
  }
  if (budget && !d.currency) e.currency = t('error.currency_required');
  if (Object.keys(e).length) return { errors: e };
  return {
    body: {
      title,
      description: d.description.trim(),
      indicators,
      budget,
      currency: (d.currency || null) as Currency | null,
    },
  };
}

/** Field errors of a failed item request, keyed by field, in the UI language. */
export function itemErrorsFrom(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const fe of err.problem.errors ?? []) {
    const field = fe.path.replace(/^\//, '').split('/')[0] ?? '';
    if (field && !out[field]) out[field] = err.code === 'validation_failed' ? t('planForm.invalidValue') : errorMessage(err);
  }
  return out;
}
