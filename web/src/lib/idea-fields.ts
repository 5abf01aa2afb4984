import { ApiError } from './api/client';
import { errorMessage } from './errors';
import { hasKey, t } from './i18n/index.svelte';

/** Top-level fields of the idea form, in the order of its steps. */
export const IDEA_FIELDS = [
  'organisationId',
  'title',
  'language',
  'summary',
  'problem',
  'overallObjective',
  'specificObjectives',
  'targetGroups',
  'expectedResults',
  'mainActivities',
  'places',
  'budget',
  'currency',
  'durationMonths',
  'partnersSought',
  'themes',
] as const;
export type IdeaField = (typeof IDEA_FIELDS)[number];

/** Which step of the form holds each field (1-based). */
export const FIELD_STEP: Record<IdeaField, number> = {
  organisationId: 1,
  title: 1,
  language: 1,
  summary: 1,
  problem: 2,
  overallObjective: 2,
  specificObjectives: 2,
  targetGroups: 3,
  expectedResults: 3,
  mainActivities: 3,
  places: 4,
  budget: 4,
  currency: 4,
  durationMonths: 4,
  partnersSought: 4,
  themes: 4,
};

export function isIdeaField(value: string): value is IdeaField {
  return (IDEA_FIELDS as readonly string[]).includes(value);
}

export function fieldLabel(field: IdeaField): string {
  return t(`ideaField.${field}`);
}

export interface IdeaFieldError {
  field: IdeaField;
  /** Row of a list field (e.g. /places/2 → 2). */
  index: number | null;
  message: string;
}

/**
 * The problem's `errors[]` as messages in the UI language, each tied to a form field: e.g. the
 * `idea_incomplete` answer lists every field a published idea still needs.
 */
export function ideaErrorsFrom(err: unknown): IdeaFieldError[] {
  if (!(err instanceof ApiError)) return [];
  const out: IdeaFieldError[] = [];
  for (const e of err.problem.errors ?? []) {
    const [first = '', second] = e.path.replace(/^\//, '').split('/');
    // Unknown paths (e.g. "/status") are reported against the last step, where publishing happens.
    const field: IdeaField = isIdeaField(first) ? first : 'themes';
    const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
    out.push({ field, index, message: messageFor(err.code, field, e.message) });
  }
  return out;
}

function messageFor(code: string, field: IdeaField, serverMessage: string): string {
  if (code === 'idea_incomplete') {
    if (field === 'places') return t('ideaForm.placesToPublish');
    if (field === 'themes') return t('ideaForm.themesToPublish');
    return t('ideaForm.requiredToPublish');
  }
  if (code === 'validation_failed') {
    if (/more than|longer|maxLength|maxItems/i.test(serverMessage)) return t('ideaForm.tooLongOrMany');
    if (/fewer than|shorter|minLength/i.test(serverMessage)) return t('ideaForm.tooShort');
    return t('ideaForm.invalidValue');
  }
  const key = `error.${code}`;
  return hasKey(key) ? t(key) : serverMessage;
}

export { errorMessage };
