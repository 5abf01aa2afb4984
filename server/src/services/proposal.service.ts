import { randomUUID } from 'node:crypto';
import {
  auditRepository,
  ideaRepository,
  membershipRepository,
  organisationRepository,
  proposalRepository,
  roomRepository,
  userRepository,
  type Db,
  type ProposalCommentListRow,
  type ProposalRow,
} from '@partnera/db';
import * as Y from 'yjs';
import { policy, type Actor } from '../domain/policy';
import { contentFromIdea, docFromContent, readProposalContent, writeProposalContent } from '../domain/proposal-doc';
import { diffWords } from '../domain/text-diff';
import { AppError, fieldError, forbidden, isUniqueViolation, notFound } from '../errors';
import { contentDisposition, documentMediaType, renderDocument, type DocumentFormat } from '../export';
import type * as S from '../schemas/proposals';
import type { NotificationService } from './notification.service';
import { editableProposal, loadProposalAccess, manageableProposal, type ProposalAccess } from './proposal-access';
import type { ProposalEvents } from './proposal-events';
import { buildProposalDocument, diffSections } from './proposal-export';
import type { ProposalSyncService } from './proposal-sync.service';
import { updateFromEdit } from './proposal-sync.service';
import { versionConflict } from './plan.service';
import type { RoomService } from './room.service';
import type { TerritoryService } from './territory.service';
import { inTransaction } from './transaction';

export interface ProposalServiceDeps {
  db: Db;
  notifications: NotificationService;
  rooms: Pick<RoomService, 'ensureSubjectRoom' | 'addMembersBySystem'>;
  territories: TerritoryService;
  sync: ProposalSyncService;
  events: ProposalEvents;
  clock: () => Date;
}

/** Joint proposals: created from an idea, partners, readers, meta data, versions, comments, export. */
export class ProposalService {
  constructor(private readonly deps: ProposalServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  // ---- creating and reading ----

  async createFromIdea(actor: Actor, ideaId: string): Promise<S.ProposalDetail> {
    const idea = await ideaRepository.findIdea(this.db, ideaId);
    if (!idea) throw notFound('Idea');
    const ownerRole = (await membershipRepository.findMembership(this.db, idea.organisation_id, actor.userId))?.role ?? null;
    if (!policy.createProposal(ownerRole)) {
      if (idea.status === 'draft' && !(await ideaRepository.roleInIdea(this.db, ideaId, actor.userId))) throw notFound('Idea');
      throw forbidden("Only owners and editors of the idea's organisation can turn it into a proposal");
    }
    if (idea.status === 'archived') throw new AppError(409, 'idea_archived', 'An archived idea cannot become a proposal');
    if (await proposalRepository.findProposalIdOfIdea(this.db, ideaId)) throw new AppError(409, 'proposal_exists', 'This idea already has a proposal');
    const content = contentFromIdea({
      summary: idea.summary,
      targetGroups: idea.target_groups,
      places: idea.places.map((code) => this.deps.territories.get(code)?.name_local ?? code),
      budget: idea.budget_amount,
      currency: idea.currency,
      durationMonths: idea.duration_months,
      overallObjective: idea.overall_objective,
      specificObjectives: idea.specific_objectives,
      expectedResults: idea.expected_results,
      mainActivities: idea.main_activities,
    });
    const id = randomUUID();
    try {
      await inTransaction(this.db, async (trx) => {
        // The room first (it only names its subject), so the proposal row can point at it.
        const room = await this.deps.rooms.ensureSubjectRoom('proposal', id, { title: idea.title, ownerUserId: actor.userId, visibility: 'members' }, trx);
        await proposalRepository.insertProposal(trx, {
          id,
          idea_id: ideaId,
          lead_organisation_id: idea.organisation_id,
          created_by: actor.userId,
          title: idea.title,
          language: idea.language,
          call_deadline: null,
          room_id: room.id,
        });
        await proposalRepository.invitePartner(trx, id, idea.organisation_id, 'lead', 'accepted', actor.userId);
        await proposalRepository.copyConfirmedMeasures(trx, id, ideaId);
        const members = (await membershipRepository.listMembers(trx, idea.organisation_id)).map((m) => m.user_id).filter((u) => u !== actor.userId);
        await this.deps.rooms.addMembersBySystem(room.id, members, 'member', trx);
        const doc = docFromContent(content);
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        await proposalRepository.appendDocUpdate(trx, id, state, actor.userId);
        await proposalRepository.insertVersion(trx, { proposal_id: id, name: 'Created from the idea', automatic: true, content, state, created_by: actor.userId });
        await this.audit(trx, actor, 'proposal.created', id, { ideaId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, 'proposal_exists', 'This idea already has a proposal');
      throw error;
    }
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<S.ProposalDetail> {
    const access = await loadProposalAccess(this.db, actor, id);
    return this.toDetail(this.db, actor, access);
  }

  async list(actor: Actor, query: S.ProposalListQuery): Promise<{ items: S.ProposalSummary[]; nextCursor: string | null }> {
    // Platform admins see every proposal unless they ask for their own.
    const visibleTo = policy.isAdmin(actor) && !query.mine ? undefined : actor.userId;
    const page = await proposalRepository.listProposals(this.db, { visibleTo, ideaId: query.ideaId }, query.limit ?? 20, query.cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    const editable = new Set(
      visibleTo
        ? await Promise.all(
            page.items.map(async (p) => ((await proposalRepository.standingsOf(this.db, p.id, actor.userId)).some((o) => o.state === 'accepted') ? p.id : null)),
          )
        : [],
    );
    return { items: page.items.map((p) => toSummary(p, editable.has(p.id) ? 'edit' : 'read')), nextCursor: page.nextCursor };
  }

  async update(actor: Actor, id: string, expectedVersion: number, body: S.UpdateProposalBody): Promise<S.ProposalDetail> {
    await inTransaction(this.db, async (trx, afterCommit) => {
      const access = await manageableProposal(trx, actor, id);
      const locked = await proposalRepository.lockProposal(trx, id);
      if (!locked) throw notFound('Proposal');
      const changed = body.status !== undefined && body.status !== locked.status;
      const updated = await proposalRepository.updateProposal(trx, id, expectedVersion, {
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.language !== undefined && { language: body.language }),
        ...(body.callTitle !== undefined && { call_title: body.callTitle.trim() }),
        ...(body.callProgramme !== undefined && { call_programme: body.callProgramme.trim() }),
        ...(body.callDeadline !== undefined && { call_deadline: validDate(body.callDeadline) }),
        ...(body.status !== undefined && { status: body.status }),
      });
      if (!updated) throw versionConflict('proposal');
      if (changed) await this.snapshot(trx, id, `Status: ${locked.status} → ${body.status}`, true, actor.userId);
      await this.audit(trx, actor, changed ? `proposal.${body.status}` : 'proposal.updated', id, { fields: Object.keys(body) });
      if (body.title !== undefined && access.proposal.room_id) await roomRepository.updateRoom(trx, access.proposal.room_id, { title: body.title.trim() });
      afterCommit(() => this.deps.events.meta(id));
    });
    return this.get(actor, id);
  }

  // ---- partners ----

  async invitePartner(actor: Actor, id: string, body: S.InvitePartnerBody): Promise<S.ProposalDetail> {
    await inTransaction(this.db, async (trx, afterCommit) => {
      const { proposal } = await manageableProposal(trx, actor, id);
      const org = await organisationRepository.findOrganisation(trx, body.organisationId);
      if (!org) throw fieldError(422, 'invalid_organisation', '/organisationId', 'No such organisation');
      if (org.id === proposal.lead_organisation_id) throw fieldError(422, 'already_lead', '/organisationId', 'This organisation leads the proposal');
      if (!(await proposalRepository.invitePartner(trx, id, org.id, body.role, 'invited', actor.userId))) {
        throw fieldError(409, 'already_partner', '/organisationId', 'This organisation is already invited or a partner');
      }
      await this.audit(trx, actor, 'proposal.partner_invited', id, { organisationId: org.id, role: body.role });
      const editors = await membershipRepository.listOwnerAndEditorIds(trx, org.id);
      afterCommit(
        await this.deps.notifications.notify(
          trx,
          editors.map((userId) => ({
            userId,
            kind: 'proposal.invited',
            data: { proposalTitle: proposal.title, leadName: proposal.lead_name, organisationName: org.name, role: body.role },
            link: `/proposals/${id}`,
          })),
        ),
      );
      afterCommit(() => this.deps.events.meta(id));
    });
    return this.get(actor, id);
  }

  /** Accepts or declines an invitation; after declining the caller may no longer read the proposal (null then). */
  async respond(actor: Actor, id: string, organisationId: string, decision: 'accepted' | 'declined'): Promise<S.ProposalDetail | null> {
    await inTransaction(this.db, async (trx, afterCommit) => {
      const { proposal } = await loadProposalAccess(trx, actor, id);
      const role = (await membershipRepository.findMembership(trx, organisationId, actor.userId))?.role ?? null;
      if (!policy.respondToProposal(role)) throw forbidden('Only owners and editors of the invited organisation can answer the invitation');
      if (!(await proposalRepository.respondToInvitation(trx, id, organisationId, decision, actor.userId, this.deps.clock()))) {
        throw new AppError(409, 'no_pending_invitation', 'There is no open invitation for this organisation');
      }
      if (decision === 'accepted' && proposal.room_id) {
        const members = (await membershipRepository.listMembers(trx, organisationId)).map((m) => m.user_id);
        await this.deps.rooms.addMembersBySystem(proposal.room_id, members, 'member', trx);
      }
      await this.audit(trx, actor, `proposal.partner_${decision}`, id, { organisationId });
      const org = await organisationRepository.findOrganisation(trx, organisationId);
      const leadEditors = await membershipRepository.listOwnerAndEditorIds(trx, proposal.lead_organisation_id);
      afterCommit(
        await this.deps.notifications.notify(
          trx,
          leadEditors.map((userId) => ({
            userId,
            kind: `proposal.partner_${decision}`,
            data: { proposalTitle: proposal.title, organisationName: org?.name ?? '' },
            link: `/proposals/${id}`,
          })),
        ),
      );
      afterCommit(() => {
        this.deps.events.meta(id);
        this.deps.sync.scheduleChecks(id, 0);
      });
    });
    try {
      return await this.get(actor, id);
    } catch (error) {
      if (decision === 'declined' && error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }

  async removePartner(actor: Actor, id: string, organisationId: string): Promise<void> {
    await inTransaction(this.db, async (trx, afterCommit) => {
      const { proposal } = await manageableProposal(trx, actor, id);
      if (organisationId === proposal.lead_organisation_id) throw new AppError(422, 'cannot_remove_lead', 'The lead organisation cannot be removed');
      const before = new Set(await proposalRepository.editorUserIds(trx, id));
      if (!(await proposalRepository.removePartner(trx, id, organisationId))) throw notFound('Partner');
      const after = new Set(await proposalRepository.editorUserIds(trx, id));
      const lost = [...before].filter((u) => !after.has(u));
      if (proposal.room_id) for (const userId of lost) await roomRepository.removeMember(trx, proposal.room_id, userId);
      await this.audit(trx, actor, 'proposal.partner_removed', id, { organisationId });
      afterCommit(() => {
        this.deps.events.revoke(id, lost);
        this.deps.events.meta(id);
        this.deps.sync.scheduleChecks(id, 0);
      });
    });
  }

  // ---- readers ----

  async addReader(actor: Actor, id: string, email: string): Promise<S.ProposalDetail> {
    await inTransaction(this.db, async (trx, afterCommit) => {
      await manageableProposal(trx, actor, id);
      const user = await userRepository.findUserByEmail(trx, email.trim().toLowerCase());
      if (!user) throw fieldError(422, 'unknown_user', '/email', 'Nobody with this e-mail address has an account');
      if (await proposalRepository.addReader(trx, id, user.id, actor.userId)) {
        await this.audit(trx, actor, 'proposal.reader_added', id, { userId: user.id });
        afterCommit(() => this.deps.events.meta(id));
      }
    });
    return this.get(actor, id);
  }

  async removeReader(actor: Actor, id: string, userId: string): Promise<void> {
    await inTransaction(this.db, async (trx, afterCommit) => {
      await manageableProposal(trx, actor, id);
      if (!(await proposalRepository.removeReader(trx, id, userId))) throw notFound('Reader');
      await this.audit(trx, actor, 'proposal.reader_removed', id, { userId });
      const stillEditor = (await proposalRepository.editorUserIds(trx, id)).includes(userId);
      afterCommit(() => {
        if (!stillEditor) this.deps.events.revoke(id, [userId]);
        this.deps.events.meta(id);
      });
    });
  }

  // ---- versions ----

  async listVersions(actor: Actor, id: string): Promise<S.ProposalVersion[]> {
    await loadProposalAccess(this.db, actor, id);
    return (await proposalRepository.listVersions(this.db, id)).map(toVersionDto);
  }

  async createVersion(actor: Actor, id: string, name: string): Promise<S.ProposalVersion> {
    const versionId = await inTransaction(this.db, async (trx, afterCommit) => {
      await editableProposal(trx, actor, id);
      const row = await this.snapshot(trx, id, name.trim(), false, actor.userId);
      await this.audit(trx, actor, 'proposal.version_saved', id, { number: row.number });
      afterCommit(() => this.deps.events.meta(id));
      return row.id;
    });
    const version = await proposalRepository.findVersion(this.db, id, versionId);
    return toVersionDto(version!);
  }

  async getVersion(actor: Actor, id: string, versionId: string): Promise<S.ProposalVersionDetail> {
    await loadProposalAccess(this.db, actor, id);
    const version = await proposalRepository.findVersion(this.db, id, versionId);
    if (!version) throw notFound('Version');
    return { ...toVersionDto(version), content: version.content as S.ProposalContent };
  }

  async diff(actor: Actor, id: string, from: string, to: string): Promise<S.ProposalDiff> {
    const access = await loadProposalAccess(this.db, actor, id);
    const [a, b] = await Promise.all([this.contentAt(id, from), this.contentAt(id, to)]);
    const names = await this.partnerNames(id, access.proposal);
    const sections = diffSections(a, b, names);
    const changed = sections.filter((s) => s.from !== s.to);
    return {
      sections: changed.map((s) => ({ ...s, changes: diffWords(s.from, s.to) })),
      unchanged: sections.length - changed.length,
    };
  }

  /** Sets the live document to a version's content (a Yjs change editors see) and saves "Restored from N". */
  async restore(actor: Actor, id: string, versionId: string): Promise<S.ProposalVersion> {
    const newId = await inTransaction(this.db, async (trx, afterCommit) => {
      await editableProposal(trx, actor, id);
      if (!(await proposalRepository.lockProposal(trx, id))) throw notFound('Proposal');
      const version = await proposalRepository.findVersion(trx, id, versionId);
      if (!version) throw notFound('Version');
      const doc = await this.deps.sync.loadDoc(trx, id);
      try {
        const update = updateFromEdit(doc, (d) => writeProposalContent(d, version.content as S.ProposalContent));
        afterCommit(await this.deps.sync.storeServerUpdate(trx, id, update, actor.userId));
        const row = await proposalRepository.insertVersion(trx, {
          proposal_id: id,
          name: `Restored from ${version.number}`,
          automatic: true,
          content: readProposalContent(doc),
          state: Y.encodeStateAsUpdate(doc),
          created_by: actor.userId,
        });
        await this.audit(trx, actor, 'proposal.version_restored', id, { from: version.number, number: row.number });
        afterCommit(() => this.deps.events.meta(id));
        return row.id;
      } finally {
        doc.destroy();
      }
    });
    return toVersionDto((await proposalRepository.findVersion(this.db, id, newId))!);
  }

  // ---- comments ----

  async listComments(actor: Actor, id: string): Promise<S.ProposalComment[]> {
    await loadProposalAccess(this.db, actor, id);
    return (await proposalRepository.listComments(this.db, id)).map(toCommentDto);
  }

  async addComment(actor: Actor, id: string, body: S.CreateCommentBody): Promise<S.ProposalComment> {
    const text = body.body.trim();
    if ([...text].length > 4000) throw fieldError(422, 'comment_too_long', '/body', 'A comment may hold at most 4000 characters');
    const commentId = await inTransaction(this.db, async (trx, afterCommit) => {
      await editableProposal(trx, actor, id);
      const cid = await proposalRepository.insertComment(trx, { proposal_id: id, section: body.section, body: text, quote: body.quote?.trim() || null, author_id: actor.userId });
      afterCommit(() => this.deps.events.meta(id));
      return cid;
    });
    return toCommentDto((await proposalRepository.findComment(this.db, id, commentId))!);
  }

  async setResolved(actor: Actor, id: string, commentId: string, resolved: boolean): Promise<S.ProposalComment> {
    await inTransaction(this.db, async (trx, afterCommit) => {
      await editableProposal(trx, actor, id);
      if (!(await proposalRepository.findComment(trx, id, commentId))) throw notFound('Comment');
      await proposalRepository.setCommentResolved(trx, commentId, resolved ? actor.userId : null, resolved ? this.deps.clock() : null);
      afterCommit(() => this.deps.events.meta(id));
    });
    return toCommentDto((await proposalRepository.findComment(this.db, id, commentId))!);
  }

  // ---- export ----

  async export(actor: Actor, id: string, format: DocumentFormat): Promise<{ body: Buffer; mediaType: string; disposition: string }> {
    const access = await loadProposalAccess(this.db, actor, id);
    const { proposal } = access;
    const [content, partners, measures] = await Promise.all([
      this.deps.sync.loadContent(this.db, id),
      proposalRepository.listPartners(this.db, id),
      proposalRepository.listMeasures(this.db, id),
    ]);
    const document = buildProposalDocument({
      title: proposal.title,
      language: proposal.language,
      status: proposal.status,
      call: { title: proposal.call_title, programme: proposal.call_programme, deadline: proposal.call_deadline },
      partners: partners.filter((p) => p.state === 'accepted').map((p) => ({ id: p.organisation_id, name: p.name, role: p.role })),
      measures: measures.map((m) => ({ code: m.code, title: m.title, planTitle: m.plan_title })),
      content,
      generatedAt: this.deps.clock(),
    });
    const body = await renderDocument(document, format);
    const filename = `${proposal.title.slice(0, 80)}.${format}`;
    return { body, mediaType: documentMediaType(format), disposition: contentDisposition(filename) };
  }

  // ---- helpers ----

  /** Saves the live document as a version (the caller's transaction; locks the proposal row). */
  private async snapshot(trx: Db, id: string, name: string, automatic: boolean, userId: string) {
    await proposalRepository.lockProposal(trx, id);
    const doc = await this.deps.sync.loadDoc(trx, id);
    try {
      return await proposalRepository.insertVersion(trx, {
        proposal_id: id,
        name: name.slice(0, 200),
        automatic,
        content: readProposalContent(doc),
        state: Y.encodeStateAsUpdate(doc),
        created_by: userId,
      });
    } finally {
      doc.destroy();
    }
  }

  private async contentAt(id: string, ref: string): Promise<S.ProposalContent> {
    if (ref === 'current') return this.deps.sync.loadContent(this.db, id);
    const version = await proposalRepository.findVersion(this.db, id, ref);
    if (!version) throw notFound('Version');
    return version.content as S.ProposalContent;
  }

  private async partnerNames(id: string, proposal: ProposalRow): Promise<Map<string, string>> {
    const partners = await proposalRepository.listPartners(this.db, id);
    return new Map([[proposal.lead_organisation_id, proposal.lead_name], ...partners.map((p) => [p.organisation_id, p.name] as [string, string])]);
  }

  private async toDetail(db: Db, actor: Actor, access: ProposalAccess): Promise<S.ProposalDetail> {
    const { proposal } = access;
    const [partners, measures, readers, content] = await Promise.all([
      proposalRepository.listPartners(db, proposal.id),
      proposalRepository.listMeasures(db, proposal.id),
      access.canManage ? proposalRepository.listReaders(db, proposal.id) : Promise.resolve([]),
      this.deps.sync.loadContent(db, proposal.id),
    ]);
    const checks = await this.deps.sync.checksOf(db, proposal.id, content);
    const canRespond = access.standing.orgs
      .filter((o) => o.state === 'invited' && policy.respondToProposal(o.membershipRole))
      .map((o) => o.organisationId);
    void actor;
    return {
      ...toSummaryBase(proposal),
      partners: partners.map((p) => ({ organisation: { id: p.organisation_id, name: p.name, kind: p.kind }, role: p.role, state: p.state })),
      measures: measures.map((m) => ({ id: m.id, code: m.code, title: m.title, planId: m.plan_id, planTitle: m.plan_title })),
      readers: readers.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email })),
      roomId: proposal.room_id,
      myAccess: access.canEdit ? 'edit' : 'read',
      canManage: access.canManage,
      canRespond,
      content,
      checks,
      version: proposal.version,
    };
  }

  private audit(trx: Db, actor: Actor, action: string, id: string, details: Record<string, unknown>) {
    return auditRepository.recordAudit(trx, { actorId: actor.userId, action, subjectType: 'proposal', subjectId: id, details });
  }
}

function validDate(value: string | null): string | null {
  if (value === null) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw fieldError(422, 'invalid_date', '/callDeadline', 'Not a calendar date (YYYY-MM-DD)');
  }
  return value;
}

function toSummaryBase(p: ProposalRow) {
  return {
    id: p.id,
    ideaId: p.idea_id,
    title: p.title,
    language: p.language,
    status: p.status,
    call: { title: p.call_title, programme: p.call_programme, deadline: p.call_deadline },
    lead: { id: p.lead_organisation_id, name: p.lead_name, kind: p.lead_kind },
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}

function toSummary(p: ProposalRow, myAccess: 'edit' | 'read'): S.ProposalSummary {
  return { ...toSummaryBase(p), partnerCount: p.partner_count, myAccess };
}

function toVersionDto(v: { id: string; number: number; name: string; automatic: boolean; created_by: string | null; creator_name: string | null; created_at: Date }): S.ProposalVersion {
  return {
    id: v.id,
    number: v.number,
    name: v.name,
    automatic: v.automatic,
    createdBy: v.created_by && v.creator_name !== null ? { id: v.created_by, displayName: v.creator_name } : null,
    createdAt: v.created_at.toISOString(),
  };
}

function toCommentDto(c: ProposalCommentListRow): S.ProposalComment {
  return {
    id: c.id,
    section: c.section,
    body: c.body,
    quote: c.quote,
    author: c.author_id && c.author_name !== null ? { id: c.author_id, displayName: c.author_name } : null,
    resolved: c.resolved_at !== null,
    resolvedBy: c.resolved_by && c.resolver_name !== null ? { id: c.resolved_by, displayName: c.resolver_name } : null,
    resolvedAt: c.resolved_at?.toISOString() ?? null,
    createdAt: c.created_at.toISOString(),
  };
}
