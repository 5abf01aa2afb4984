import type { Kysely } from 'kysely';
import type { Database } from '../tables';

/** A database or a transaction: repositories work with either. */
export type Db = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque cursor for keyset pagination over (sort key, id). */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // The id half must be a uuid: anything else would reach PostgreSQL as an invalid value.
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string') && UUID.test(String(value[1]))) {
      return [value[0] as string, value[1] as string];
    }
  } catch {
    // fall through: a malformed cursor is reported by the caller
  }
  return null;
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
