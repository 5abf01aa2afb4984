import { sql } from 'kysely';
import type {
  MembershipRole,
  NewProposal,
  Proposal,
  ProposalCommentRow,
  ProposalPartnerRole,
  ProposalPartnerState,
  ProposalUpdate,
  ProposalVersionRow,
} from '../tables';
import { decodeCursor, encodeCursor, type Db } from './db';
import type { Page } from './organisations';

export interface ProposalRow extends Proposal {
  lead_name: string;
  lead_kind: string;
  partner_count: number;
}

function proposalRows(db: Db) {
  return db
    .selectFrom('proposals')
    .innerJoin('organisations', 'organisations.id', 'proposals.lead_organisation_id')
    .selectAll('proposals')
    .select(['organisations.name as lead_name', 'organisations.kind as lead_kind'])
    .select((eb) =>
      eb
        .selectFrom('proposal_partners')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('proposal_partners.proposal_id', '=', 'proposals.id')
        .where('proposal_partners.state', '=', 'accepted')
        .as('partner_count'),
    );
}

const withCount = <T extends { partner_count: unknown }>(row: T) => ({ ...row, partner_count: Number(row.partner_count ?? 0) });

export async function findProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  const row = await proposalRows(db).where('proposals.id', '=', id).executeTakeFirst();
  return row && withCount(row);
}

export function findProposalIdOfIdea(db: Db, ideaId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('proposals').select('id').where('idea_id', '=', ideaId).executeTakeFirst();
}

/** Locks the proposal row for the rest of the transaction (compaction, versions, status changes). */
export function lockProposal(db: Db, id: string): Promise<Proposal | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertProposal(db: Db, proposal: NewProposal): Promise<Proposal> {
  return db.insertInto('proposals').values(proposal).returningAll().executeTakeFirstOrThrow();
}

/** Changes meta data; with `expectedVersion`, only if nobody changed it meanwhile. */
export function updateProposal(db: Db, id: string, expectedVersion: number | null, changes: ProposalUpdate): Promise<Proposal | undefined> {
  let q = db
    .updateTable('proposals')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

/** The live body changed: only the modification time moves (the meta ETag stays). */
export async function touchProposal(db: Db, id: string): Promise<void> {
  await db.updateTable('proposals').set({ updated_at: new Date() }).where('id', '=', id).execute();
}

export interface ProposalFilter {
  /** Only proposals where this user belongs to a partner organisation (not declined) or was granted reading. */
  visibleTo?: string;
  /** Only the proposal made from this idea. */
  ideaId?: string;
}

/** Newest first; the cursor carries the creation time and id of the last row shown. */
export async function listProposals(db: Db, filter: ProposalFilter, limit: number, cursor?: string): Promise<Page<ProposalRow> | null> {
  let q = proposalRows(db);
  if (filter.ideaId) q = q.where('proposals.idea_id', '=', filter.ideaId);
  if (filter.visibleTo) {
    const userId = filter.visibleTo;
    q = q.where((eb) =>
      eb.or([
        eb(
          'proposals.id',
          'in',
          eb
            .selectFrom('proposal_partners')
            .innerJoin('memberships', 'memberships.organisation_id', 'proposal_partners.organisation_id')
            .select('proposal_partners.proposal_id')
            .where('memberships.user_id', '=', userId)
            .where('proposal_partners.state', '!=', 'declined'),
        ),
        eb('proposals.id', 'in', eb.selectFrom('proposal_readers').select('proposal_readers.proposal_id').where('proposal_readers.user_id', '=', userId)),
      ]),
    );
  }
  if (cursor) {
    const after = decodeCursor(cursor);
    const at = after ? new Date(after[0]) : new Date(NaN);
    if (!after || Number.isNaN(at.getTime())) return null;
    const id = after[1];
    q = q.where((eb) => eb.or([eb('proposals.created_at', '<', at), eb.and([eb('proposals.created_at', '=', at), eb('proposals.id', '<', id)])]));
  }
  const rows = (await q.orderBy('proposals.created_at', 'desc').orderBy('proposals.id', 'desc').limit(limit + 1).execute()).map(withCount);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null };
}

// ---- partners ----

export interface PartnerRow {
  organisation_id: string;
  name: string;
  kind: string;
  role: ProposalPartnerRole;
  state: ProposalPartnerState;
}

export function listPartners(db: Db, proposalId: string): Promise<PartnerRow[]> {
  return db
    .selectFrom('proposal_partners')
    .innerJoin('organisations', 'organisations.id', 'proposal_partners.organisation_id')
    .select(['proposal_partners.organisation_id', 'organisations.name', 'organisations.kind', 'proposal_partners.role', 'proposal_partners.state'])
    .where('proposal_partners.proposal_id', '=', proposalId)
    .orderBy(sql`case proposal_partners.role when 'lead' then 0 else 1 end`)
    .orderBy('proposal_partners.created_at')
    .execute();
}

export function findPartner(db: Db, proposalId: string, organisationId: string) {
  return db
    .selectFrom('proposal_partners')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Invites (or re-invites a declined organisation); false when it is already invited or a partner. */
export async function invitePartner(db: Db, proposalId: string, organisationId: string, role: ProposalPartnerRole, state: ProposalPartnerState, invitedBy: string | null): Promise<boolean> {
  const result = await db
    .insertInto('proposal_partners')
    .values({ proposal_id: proposalId, organisation_id: organisationId, role, state, invited_by: invitedBy })
    .onConflict((oc) =>
      oc
        .columns(['proposal_id', 'organisation_id'])
        .doUpdateSet({ role, state, invited_by: invitedBy, responded_by: null, responded_at: null })
        .where('proposal_partners.state', '=', 'declined'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function respondToInvitation(db: Db, proposalId: string, organisationId: string, state: 'accepted' | 'declined', userId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('proposal_partners')
    .set({ state, responded_by: userId, responded_at: at })
    .where('proposal_id', '=', proposalId)
    .where('organisation_id', '=', organisationId)
    .where('state', '=', 'invited')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function removePartner(db: Db, proposalId: string, organisationId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('proposal_partners')
    .where('proposal_id', '=', proposalId)
    .where('organisation_id', '=', organisationId)
    .where('role', '!=', 'lead')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The user's standing in each partner organisation of the proposal (one row per organisation they belong to). */
export function standingsOf(db: Db, proposalId: string, userId: string) {
  return db
    .selectFrom('proposal_partners')
    .innerJoin('memberships', 'memberships.organisation_id', 'proposal_partners.organisation_id')
    .select(['proposal_partners.organisation_id', 'proposal_partners.role', 'proposal_partners.state', 'memberships.role as membership_role'])
    .where('proposal_partners.proposal_id', '=', proposalId)
    .where('memberships.user_id', '=', userId)
    .execute() as Promise<Array<{ organisation_id: string; role: ProposalPartnerRole; state: ProposalPartnerState; membership_role: MembershipRole }>>;
}

/** Every member of the lead and the accepted partners (the editors of the document and the room's members). */
export async function editorUserIds(db: Db, proposalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('proposal_partners')
    .innerJoin('memberships', 'memberships.organisation_id', 'proposal_partners.organisation_id')
    .select('memberships.user_id')
    .distinct()
    .where('proposal_partners.proposal_id', '=', proposalId)
    .where('proposal_partners.state', '=', 'accepted')
    .execute();
  return rows.map((r) => r.user_id);
}

// ---- readers ----

export async function isReader(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('proposal_readers').select('user_id').where('proposal_id', '=', proposalId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function addReader(db: Db, proposalId: string, userId: string, grantedBy: string): Promise<boolean> {
  const result = await db
    .insertInto('proposal_readers')
    .values({ proposal_id: proposalId, user_id: userId, granted_by: grantedBy })
    .onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeReader(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('proposal_readers').where('proposal_id', '=', proposalId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function listReaders(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_readers')
    .innerJoin('users', 'users.id', 'proposal_readers.user_id')
    .select(['users.id', 'users.display_name', 'users.email'])
    .where('proposal_readers.proposal_id', '=', proposalId)
    .orderBy('users.display_name')
    .execute();
}

// ---- measures ----

/** Carries the idea's confirmed measure links over to the proposal. */
export async function copyConfirmedMeasures(db: Db, proposalId: string, ideaId: string): Promise<void> {
  await db
    .insertInto('proposal_measures')
    .columns(['proposal_id', 'measure_id'])
    .expression((eb) =>
      eb
        .selectFrom('idea_measure_links')
        .select([sql<string>`${proposalId}::uuid`.as('proposal_id'), 'idea_measure_links.measure_id'])
        .where('idea_measure_links.idea_id', '=', ideaId)
        .where('idea_measure_links.status', '=', 'confirmed'),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listMeasures(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_measures')
    .innerJoin('plan_items', 'plan_items.id', 'proposal_measures.measure_id')
    .innerJoin('plans', 'plans.id', 'plan_items.plan_id')
    .select(['plan_items.id', 'plan_items.code', 'plan_items.title', 'plans.id as plan_id', 'plans.title as plan_title'])
    .where('proposal_measures.proposal_id', '=', proposalId)
    .orderBy('plans.title')
    .orderBy('plan_items.code')
    .execute();
}

// ---- the live document's updates ----

export async function appendDocUpdate(db: Db, proposalId: string, update: Uint8Array, userId: string | null): Promise<number> {
  await db.insertInto('proposal_doc_updates').values({ proposal_id: proposalId, update, user_id: userId }).execute();
  const row = await db
    .selectFrom('proposal_doc_updates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('proposal_id', '=', proposalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every stored update of the proposal, oldest first, with the id of the newest. */
export async function listDocUpdates(db: Db, proposalId: string): Promise<{ updates: Uint8Array[]; lastId: string | null }> {
  const rows = await db.selectFrom('proposal_doc_updates').select(['id', 'update']).where('proposal_id', '=', proposalId).orderBy('id').execute();
  return { updates: rows.map((r) => new Uint8Array(r.update)), lastId: rows.at(-1)?.id ?? null };
}

/** Replaces the rows up to `lastId` by one merged update (the caller holds the proposal's lock). */
export async function replaceDocUpdates(db: Db, proposalId: string, lastId: string, merged: Uint8Array): Promise<void> {
  await db.deleteFrom('proposal_doc_updates').where('proposal_id', '=', proposalId).where('id', '<=', lastId).execute();
  await db.insertInto('proposal_doc_updates').values({ proposal_id: proposalId, update: merged, user_id: null }).execute();
}

export async function countDocUpdates(db: Db, proposalId: string): Promise<number> {
  const row = await db
    .selectFrom('proposal_doc_updates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('proposal_id', '=', proposalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- versions ----

export interface VersionRow extends Omit<ProposalVersionRow, 'state' | 'content'> {
  creator_name: string | null;
}

export async function insertVersion(
  db: Db,
  version: { proposal_id: string; name: string; automatic: boolean; content: unknown; state: Uint8Array; created_by: string | null },
): Promise<ProposalVersionRow> {
  // Numbers are taken under the proposal's row lock (callers lock it first).
  const last = await db
    .selectFrom('proposal_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('proposal_id', '=', version.proposal_id)
    .executeTakeFirst();
  return db
    .insertInto('proposal_versions')
    .values({ ...version, number: Number(last?.n ?? 0) + 1, content: JSON.stringify(version.content) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listVersions(db: Db, proposalId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('proposal_versions')
    .leftJoin('users', 'users.id', 'proposal_versions.created_by')
    .select([
      'proposal_versions.id',
      'proposal_versions.proposal_id',
      'proposal_versions.number',
      'proposal_versions.name',
      'proposal_versions.automatic',
      'proposal_versions.created_by',
      'proposal_versions.created_at',
      'users.display_name as creator_name',
    ])
    .where('proposal_versions.proposal_id', '=', proposalId)
    .orderBy('proposal_versions.number', 'desc')
    .execute();
}

export function findVersion(db: Db, proposalId: string, versionId: string): Promise<(ProposalVersionRow & { creator_name: string | null }) | undefined> {
  return db
    .selectFrom('proposal_versions')
    .leftJoin('users', 'users.id', 'proposal_versions.created_by')
    .selectAll('proposal_versions')
    .select('users.display_name as creator_name')
    .where('proposal_versions.proposal_id', '=', proposalId)
    .where('proposal_versions.id', '=', versionId)
    .executeTakeFirst();
}

// ---- comments ----

export interface CommentRow extends ProposalCommentRow {
  author_name: string | null;
  resolver_name: string | null;
}

function commentRows(db: Db) {
  return db
    .selectFrom('proposal_comments')
    .leftJoin('users as author', 'author.id', 'proposal_comments.author_id')
    .leftJoin('users as resolver', 'resolver.id', 'proposal_comments.resolved_by')
    .selectAll('proposal_comments')
    .select(['author.display_name as author_name', 'resolver.display_name as resolver_name']);
}

export function listComments(db: Db, proposalId: string): Promise<CommentRow[]> {
  return commentRows(db).where('proposal_comments.proposal_id', '=', proposalId).orderBy('proposal_comments.created_at').orderBy('proposal_comments.id').execute();
}

export function findComment(db: Db, proposalId: string, commentId: string): Promise<CommentRow | undefined> {
  return commentRows(db).where('proposal_comments.proposal_id', '=', proposalId).where('proposal_comments.id', '=', commentId).executeTakeFirst();
}

export async function insertComment(db: Db, comment: { proposal_id: string; section: string; body: string; quote: string | null; author_id: string }): Promise<string> {
  const row = await db.insertInto('proposal_comments').values(comment).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setCommentResolved(db: Db, commentId: string, resolvedBy: string | null, at: Date | null): Promise<void> {
  await db.updateTable('proposal_comments').set({ resolved_by: resolvedBy, resolved_at: at }).where('id', '=', commentId).execute();
}

// ---- demo ----

/**
 * For the demo: the oldest published idea without a proposal that a municipality confirmed as serving one of
 * its measures, with the idea's author and the municipality's first owner or editor.
 */
export function findDemoProposalCandidate(db: Db) {
  return db
    .selectFrom('ideas')
    .innerJoin('idea_measure_links', 'idea_measure_links.idea_id', 'ideas.id')
    .innerJoin('plan_items', 'plan_items.id', 'idea_measure_links.measure_id')
    .innerJoin('plans', 'plans.id', 'plan_items.plan_id')
    .innerJoin('memberships', (join) => join.onRef('memberships.organisation_id', '=', 'plans.organisation_id').on('memberships.role', 'in', ['owner', 'editor']))
    .select(['ideas.id as idea_id', 'ideas.created_by as author_id', 'plans.organisation_id as partner_id', 'memberships.user_id as partner_user_id'])
    .where('ideas.status', '=', 'published')
    .where('idea_measure_links.status', '=', 'confirmed')
    .whereRef('plans.organisation_id', '!=', 'ideas.organisation_id')
    .where('ideas.id', 'not in', (eb) => eb.selectFrom('proposals').select('proposals.idea_id'))
    .orderBy('ideas.published_at')
    .orderBy('memberships.created_at')
    .limit(1)
    .executeTakeFirst();
}
