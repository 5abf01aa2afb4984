import type { CompletenessCheck } from '@partnera/server/api-types';
import { hasKey, t, type MessageKey } from '../i18n/index.svelte';

/** A completeness check in the UI language (by code and outcome), else the server's English message. */
export function checkMessage(check: CompletenessCheck): string {
  const params: Record<string, string | number> = { ...(check.params ?? {}) };
  const field = typeof params.field === 'string' ? params.field : '';
  if (field) {
    const fieldKey = `proposal.field.${field}`;
    params.fieldName = hasKey(fieldKey) ? t(fieldKey) : field;
  }
  let key = `proposal.check.${check.code}.${check.ok ? 'ok' : 'fail'}`;
  if (check.code === 'summary_invalid') key = `proposal.check.summary_invalid.${field}`;
  if (check.code === 'activity_months' && !check.ok && params.duration === undefined) key = 'proposal.check.activity_months.noDuration';
  if (check.code === 'budget_total' && !check.ok && params.total === undefined) key = 'proposal.check.budget_total.noTotal';
  return hasKey(key) ? t(key as MessageKey, params) : check.message;
}
