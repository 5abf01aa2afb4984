import type { Membership, MembershipRole } from '../tables';
import type { Db } from './db';

export interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: MembershipRole;
  created_at: Date;
}

export function findMembership(db: Db, organisationId: string, userId: string): Promise<Membership | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertMembership(db: Db, organisationId: string, userId: string, role: MembershipRole): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function deleteMembership(db: Db, organisationId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

export function listMembers(db: Db, organisationId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'users.display_name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.display_name')
    .execute();
}

export async function countOwners(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Organisations the user belongs to, with the user's role in each. */
export function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

export function listOwnerAndEditorIds(db: Db, organisationId: string): Promise<string[]> {
  return db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('role', 'in', ['owner', 'editor'])
    .execute()
    .then((rows) => rows.map((r) => r.user_id));
}
