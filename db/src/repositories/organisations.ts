import { sql } from 'kysely';
import type {
  CountryCode,
  NewOrganisation,
  Organisation,
  OrganisationKind,
  OrganisationUpdate,
  VerificationStatus,
} from '../tables';
import { decodeCursor, encodeCursor, likePattern, type Db } from './db';

export interface OrganisationFilter {
  kind?: OrganisationKind;
  country?: CountryCode;
  /** Region code: organisations in the region itself or in any of its municipalities. */
  region?: string;
  municipality?: string;
  verification?: VerificationStatus;
  text?: string;
  memberId?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertOrganisation(db: Db, org: NewOrganisation): Promise<Organisation> {
  return db.insertInto('organisations').values(org).returningAll().executeTakeFirstOrThrow();
}

/** Applies changes only if the stored version still equals `expectedVersion`; undefined otherwise. */
export function updateOrganisation(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: OrganisationUpdate,
): Promise<Organisation | undefined> {
  return db
    .updateTable('organisations')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function findOrganisationByLegalId(db: Db, country: string, legalId: string): Promise<Organisation | undefined> {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('country', '=', country as CountryCode)
    .where('legal_id', '=', legalId)
    .executeTakeFirst();
}

/** Sorted by name then id; `cursor` continues after the last row of the previous page. */
export async function listOrganisations(
  db: Db,
  filter: OrganisationFilter,
  limit: number,
  cursor?: string,
): Promise<Page<Organisation> | null> {
  let q = db.selectFrom('organisations').selectAll('organisations');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.verification) q = q.where('verification_status', '=', filter.verification);
  if (filter.municipality) q = q.where('territory_code', '=', filter.municipality);
  if (filter.region) {
    const region = filter.region;
    q = q.where((eb) =>
      eb.or([
        eb('territory_code', '=', region),
        eb('territory_code', 'in', eb.selectFrom('territories').select('code').where('parent_code', '=', region)),
      ]),
    );
  }
  if (filter.text) {
    const pattern = likePattern(filter.text);
    q = q.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('description', 'ilike', pattern), eb('legal_id', 'ilike', pattern)]));
  }
  if (filter.memberId) {
    const memberId = filter.memberId;
    q = q.where('id', 'in', db.selectFrom('memberships').select('organisation_id').where('user_id', '=', memberId));
  }
  if (cursor) {
    const after = decodeCursor(cursor);
    if (!after) return null;
    const [name, id] = after;
    q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  const rows = await q.orderBy('name').orderBy('id').limit(limit + 1).execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.name, last.id) : null };
}

/** Oldest requests first, so the admin queue is worked in order. */
export function listPendingVerification(db: Db): Promise<Organisation[]> {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('verification_status', '=', 'pending')
    .orderBy('updated_at')
    .limit(200)
    .execute();
}
