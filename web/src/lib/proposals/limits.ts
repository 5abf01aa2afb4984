import type { CommentMaxChars } from '@partnera/server/api-types';

/** Mirrors the server's COMMENT_MAX_CHARS (the type makes a drift a compile error). */
export const COMMENT_MAX_CHARS: CommentMaxChars = 4000;
