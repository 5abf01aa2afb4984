import type { Invitation, NewInvitation } from '../tables';
import type { Db } from './db';

export function insertInvitation(db: Db, invitation: NewInvitation): Promise<Invitation> {
  return db.insertInto('invitations').values(invitation).returningAll().executeTakeFirstOrThrow();
}

export function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<Invitation | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export function findInvitation(db: Db, id: string): Promise<Invitation | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPendingInvitations(db: Db, organisationId: string): Promise<Invitation[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute();
}

export async function setInvitationStatus(
  db: Db,
  id: string,
  status: 'accepted' | 'revoked',
  acceptedBy: string | null = null,
): Promise<void> {
  await db.updateTable('invitations').set({ status, accepted_by: acceptedBy }).where('id', '=', id).execute();
}
