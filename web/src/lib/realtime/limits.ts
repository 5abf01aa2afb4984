import type { MessageMaxChars } from '@partnera/server/api-types';

/** The server's message limit; typed against it, so a change there fails the web's type check here. */
export const MESSAGE_MAX_CHARS: MessageMaxChars = 4000;

/** Characters as the server counts them (Unicode code points, after trimming). */
export function charCount(text: string): number {
  return [...text.trim()].length;
}
