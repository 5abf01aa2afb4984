import { hasKey, t } from './i18n/index.svelte';

/** A moderation action's name in the UI language (unknown kinds show as stored). */
export function actionLabel(action: string): string {
  const key = `moderation.action.${action}`;
  return hasKey(key) ? t(key) : action;
}

/** Reads a file as base64 (without the data: prefix), for the JSON upload endpoint. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_POST = 5;
export const POST_MAX_CHARS = 20_000;
