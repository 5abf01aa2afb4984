import type { NewRefreshToken, RefreshToken } from '../tables';
import type { Db } from './db';

export function insertRefreshToken(db: Db, token: NewRefreshToken): Promise<RefreshToken> {
  return db.insertInto('refresh_tokens').values(token).returningAll().executeTakeFirstOrThrow();
}

/** Locks the row so two concurrent refreshes with one token cannot both rotate it. */
export function findRefreshTokenForUpdate(db: Db, tokenHash: string): Promise<RefreshToken | undefined> {
  return db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export async function markRotated(db: Db, id: string): Promise<void> {
  await db.updateTable('refresh_tokens').set({ rotated_at: new Date() }).where('id', '=', id).execute();
}

export async function revokeFamily(db: Db, familyId: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllForUser(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
