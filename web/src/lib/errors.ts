import { ApiError } from './api/client';
import { hasKey, t } from './i18n/index.svelte';

/** A user-facing message for any thrown value: translated by stable code, else the server's detail/title. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}`;
    if (hasKey(key)) return t(key);
    if (err.status >= 500) return t('error.internal');
    return err.problem.detail ?? err.problem.title;
  }
  if (err instanceof Error && err.message) return err.message;
  return t('common.errorTitle');
}

/**
 * Per-field messages from a problem's `errors[]`. For specific codes (e.g. invalid_legal_id) the
 * translated code message is clearer than the server's English text, so it is used instead.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const raw = err.fieldErrors;
  const key = `error.${err.code}`;
  const translated = err.code !== 'validation_failed' && hasKey(key) ? t(key) : null;
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(raw)) out[field] = translated ?? message;
  return out;
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
