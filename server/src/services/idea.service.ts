import {
  auditRepository,
  ideaRepository,
  linkRepository,
  membershipRepository,
  organisationRepository,
  searchOutboxRepository,
  themeCodes,
  type Db,
  type Idea,
  type IdeaListRow,
  type LinkRow,
  type MembershipRole,
} from '@partnera/db';
import { policy, type Actor } from '../domain/policy';
import { assertNotSuspended } from './suspension';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import type * as S from '../schemas/ideas';
import type { NotificationService } from './notification.service';
import type { RoomService } from './room.service';
import { versionConflict } from './plan.service';
import type { TerritoryService } from './territory.service';
import { inTransaction } from './transaction';

type Fields = Partial<S.UpdateIdeaBody>;

/** Fields a published idea must have filled, so readers and the matcher have something to go on. */
const REQUIRED_TO_PUBLISH: Array<[keyof Idea, string]> = [
  ['summary', '/summary'],
  ['problem', '/problem'],
  ['overall_objective', '/overallObjective'],
];

export class IdeaService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly notifications: NotificationService,
    private readonly rooms: Pick<RoomService, 'ensureSubjectRoom'>,
    private readonly clock: () => Date,
  ) {}

  async list(actor: Actor | null, query: S.IdeaListQuery): Promise<{ items: S.IdeaSummary[]; nextCursor: string | null }> {
    if (query.mine && !actor) throw new AppError(401, 'unauthorized', "Sign in to list your organisations' ideas");
    const page = await ideaRepository.listIdeas(
      this.db,
      {
        country: query.country,
        region: query.region,
        municipality: query.municipality,
        themes: query.theme,
        status: query.status,
        organisationId: query.organisation,
        planYear: query.year,
        text: query.q?.trim() || undefined,
        mineOf: query.mine ? actor?.userId : undefined,
        viewerId: actor?.userId,
      },
      query.limit ?? 20,
      query.cursor,
    );
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    return { items: page.items.map((i) => this.toSummary(i)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor | null, id: string): Promise<S.IdeaDetail> {
    const { idea, role } = await this.readable(this.db, actor, id);
    return this.toDetail(this.db, actor, idea, role);
  }

  async create(actor: Actor, body: S.CreateIdeaBody): Promise<S.IdeaDetail> {
    const org = await organisationRepository.findOrganisation(this.db, body.organisationId);
    if (!org) throw fieldError(422, 'invalid_organisation', '/organisationId', 'No such organisation');
    const role = (await membershipRepository.findMembership(this.db, org.id, actor.userId))?.role ?? null;
    if (!policy.createIdea(role)) throw forbidden('Only owners and editors can post ideas for their organisation');
    await assertNotSuspended(this.db, actor.userId, this.clock());
    this.validate(body);
    const status = body.status ?? 'draft';
    return inTransaction(this.db, async (trx) => {
      const idea = await ideaRepository.insertIdea(trx, {
        organisation_id: org.id,
        created_by: actor.userId,
        title: body.title.trim(),
        summary: body.summary?.trim() ?? '',
        problem: body.problem?.trim() ?? '',
        overall_objective: body.overallObjective?.trim() ?? '',
        specific_objectives: clean(body.specificObjectives),
        target_groups: clean(body.targetGroups),
        expected_results: clean(body.expectedResults),
        main_activities: clean(body.mainActivities),
        budget_amount: body.budget ?? null,
        currency: body.currency ?? null,
        duration_months: body.durationMonths ?? null,
        partners_sought: JSON.stringify(body.partnersSought ?? []),
        themes: unique(body.themes ?? []),
        language: body.language,
        status,
        published_at: status === 'published' ? this.clock() : null,
      });
      await ideaRepository.replacePlaces(trx, idea.id, unique(body.places ?? []));
      const row = (await ideaRepository.findIdea(trx, idea.id))!;
      this.checkStored(row);
      await this.audit(trx, actor, 'idea.created', idea.id, { status });
      await searchOutboxRepository.enqueueSearchSync(trx, 'idea', idea.id);
      return this.toDetail(trx, actor, row, role);
    });
  }

  async update(actor: Actor, id: string, expectedVersion: number, body: S.UpdateIdeaBody): Promise<S.IdeaDetail> {
    this.validate(body);
    return inTransaction(this.db, async (trx) => {
      const { idea, role } = await this.editable(trx, actor, id);
      if (body.status === 'draft' && idea.status !== 'draft') {
        throw fieldError(409, 'cannot_unpublish', '/status', 'A published idea cannot go back to draft; archive it instead');
      }
      const publishing = body.status === 'published' && idea.status !== 'published';
      const updated = await ideaRepository.updateIdea(trx, id, expectedVersion, {
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.summary !== undefined && { summary: body.summary.trim() }),
        ...(body.problem !== undefined && { problem: body.problem.trim() }),
        ...(body.overallObjective !== undefined && { overall_objective: body.overallObjective.trim() }),
        ...(body.specificObjectives !== undefined && { specific_objectives: clean(body.specificObjectives) }),
        ...(body.targetGroups !== undefined && { target_groups: clean(body.targetGroups) }),
        ...(body.expectedResults !== undefined && { expected_results: clean(body.expectedResults) }),
        ...(body.mainActivities !== undefined && { main_activities: clean(body.mainActivities) }),
        ...(body.budget !== undefined && { budget_amount: body.budget }),
        ...(body.currency !== undefined && { currency: body.currency }),
        ...(body.durationMonths !== undefined && { duration_months: body.durationMonths }),
        ...(body.partnersSought !== undefined && { partners_sought: JSON.stringify(body.partnersSought) }),
        ...(body.themes !== undefined && { themes: unique(body.themes) }),
        ...(body.language !== undefined && { language: body.language }),
        ...(body.status !== undefined && { status: body.status }),
        ...(publishing && { published_at: this.clock() }),
      });
      if (!updated) throw versionConflict('idea');
      if (body.places !== undefined) await ideaRepository.replacePlaces(trx, id, unique(body.places));
      const row = (await ideaRepository.findIdea(trx, id))!;
      this.checkStored(row);
      await this.audit(trx, actor, body.status && body.status !== idea.status ? `idea.${body.status}` : 'idea.updated', id, { fields: Object.keys(body) });
      await searchOutboxRepository.enqueueSearchSync(trx, 'idea', id);
      return this.toDetail(trx, actor, row, role);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const { idea } = await this.editable(trx, actor, id);
      if (idea.status !== 'draft') throw new AppError(409, 'idea_not_draft', 'Only drafts can be deleted; archive a published idea instead');
      await ideaRepository.deleteIdea(trx, id);
      await this.audit(trx, actor, 'idea.deleted', id, { title: idea.title });
      await searchOutboxRepository.enqueueSearchSync(trx, 'idea', id, 'delete');
    });
  }

  async addCoauthor(actor: Actor, id: string, organisationId: string): Promise<S.IdeaDetail> {
    return inTransaction(this.db, async (trx, afterCommit) => {
      const { idea, role } = await this.editable(trx, actor, id);
      const org = await organisationRepository.findOrganisation(trx, organisationId);
      if (!org) throw fieldError(422, 'invalid_organisation', '/organisationId', 'No such organisation');
      if (org.id === idea.organisation_id) throw fieldError(422, 'already_owner', '/organisationId', 'This organisation already owns the idea');
      if (await ideaRepository.addCoauthor(trx, id, org.id, actor.userId)) {
        await this.audit(trx, actor, 'idea.coauthor_added', id, { organisationId: org.id });
        const editors = await membershipRepository.listOwnerAndEditorIds(trx, org.id);
        afterCommit(
          await this.notifications.notify(
            trx,
            editors.map((userId) => ({ userId, kind: 'idea.coauthor_added', data: { ideaTitle: idea.title, organisationName: org.name }, link: `/ideas/${id}` })),
          ),
        );
      }
      return this.toDetail(trx, actor, (await ideaRepository.findIdea(trx, id))!, role);
    });
  }

  /** Editors of the idea remove a co-author; editors of the co-author may also withdraw it. */
  async removeCoauthor(actor: Actor, id: string, organisationId: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const { role } = await this.readable(trx, actor, id);
      const ownRole = (await membershipRepository.findMembership(trx, organisationId, actor.userId))?.role ?? null;
      if (!policy.editIdea(role) && !policy.editIdea(ownRole)) throw forbidden('Only editors of the idea or of that organisation can do this');
      if (!(await ideaRepository.removeCoauthor(trx, id, organisationId))) throw notFound('Co-author');
      await this.audit(trx, actor, 'idea.coauthor_removed', id, { organisationId });
    });
  }

  /** The idea's discussion room, opened on first visit; open to every signed-in reader of a published idea. */
  async discussionRoom(actor: Actor, id: string): Promise<string> {
    const { idea } = await this.readable(this.db, actor, id);
    if (idea.status !== 'published') throw new AppError(409, 'idea_not_published', 'The discussion opens once the idea is published');
    const room = await this.rooms.ensureSubjectRoom('idea', id, { title: idea.title, ownerUserId: idea.created_by, visibility: 'public' });
    return room.id;
  }

  // ---- access ----

  /** The idea and the caller's role in it; drafts are hidden (404) outside its organisations. */
  async readable(db: Db, actor: Actor | null, id: string): Promise<{ idea: IdeaListRow; role: MembershipRole | null }> {
    const idea = await ideaRepository.findIdea(db, id);
    if (!idea) throw notFound('Idea');
    const role = actor ? await ideaRepository.roleInIdea(db, id, actor.userId) : null;
    if (idea.status === 'draft' && !policy.seeDraft(role)) throw notFound('Idea');
    return { idea, role };
  }

  async editable(db: Db, actor: Actor, id: string) {
    const found = await this.readable(db, actor, id);
    if (!policy.editIdea(found.role)) throw forbidden('Only editors of the owning or co-authoring organisations can change this idea');
    return found;
  }

  // ---- helpers ----

  private validate(body: Fields) {
    for (const [index, code] of (body.places ?? []).entries()) {
      const t = this.territories.get(code);
      if (!t || t.level === 'country') throw fieldError(422, 'invalid_place', `/places/${index}`, `"${code}" is not a municipality or region`);
    }
    for (const [index, theme] of (body.themes ?? []).entries()) {
      if (!themeCodes.includes(theme)) throw fieldError(422, 'invalid_theme', `/themes/${index}`, `"${theme}" is not a theme`);
    }
  }

  /** Rules on the idea as saved (so partial updates are judged with the fields they leave alone). */
  private checkStored(row: IdeaListRow) {
    if (row.budget_amount && !row.currency) throw fieldError(422, 'currency_required', '/currency', 'A budget needs a currency');
    if (row.status !== 'published') return;
    const errors = REQUIRED_TO_PUBLISH.filter(([field]) => !String(row[field] ?? '').trim()).map(([, path]) => ({ path, message: 'required to publish' }));
    if (row.places.length === 0) errors.push({ path: '/places', message: 'pick at least one place to publish' });
    if (row.themes.length === 0) errors.push({ path: '/themes', message: 'pick at least one theme to publish' });
    if (errors.length) throw new AppError(422, 'idea_incomplete', 'Fill in the missing fields before publishing (you can save it as a draft)', errors);
  }

  private toSummary(i: IdeaListRow): S.IdeaSummary {
    return {
      id: i.id,
      title: i.title,
      summary: i.summary,
      organisation: { id: i.organisation_id, name: i.organisation_name },
      places: i.places.map((code) => {
        const t = this.territories.get(code);
        return { code, nameLocal: t?.name_local ?? code, nameEn: t?.name_en ?? code, country: t?.country ?? '' };
      }),
      themes: i.themes,
      budget: i.budget_amount,
      currency: i.currency,
      durationMonths: i.duration_months,
      language: i.language,
      status: i.status,
      confirmedLinks: i.confirmed_links,
      publishedAt: i.published_at?.toISOString() ?? null,
      createdAt: i.created_at.toISOString(),
    };
  }

  private async toDetail(db: Db, actor: Actor | null, i: IdeaListRow, role: MembershipRole | null): Promise<S.IdeaDetail> {
    const [coauthors, links] = await Promise.all([ideaRepository.listCoauthors(db, i.id), linkRepository.listLinksOfIdea(db, i.id)]);
    const planRoles = actor ? new Map((await membershipRepository.listMembershipsOfUser(db, actor.userId)).map((m) => [m.id, m.role])) : new Map();
    return {
      ...this.toSummary(i),
      problem: i.problem,
      overallObjective: i.overall_objective,
      specificObjectives: i.specific_objectives,
      targetGroups: i.target_groups,
      expectedResults: i.expected_results,
      mainActivities: i.main_activities,
      partnersSought: i.partners_sought,
      coauthors,
      // Outsiders see confirmed links only; proposals and rejections stay between the two sides.
      links: links
        .map((l) => ({ l, onPlanSide: policy.editPlan(planRoles.get(l.plan_organisation_id) ?? null) }))
        .filter(({ l, onPlanSide }) => l.status === 'confirmed' || policy.seeDraft(role) || onPlanSide)
        .map(({ l, onPlanSide }) => toLinkDto(l, policy.editIdea(role), onPlanSide)),
      version: i.version,
      updatedAt: i.updated_at.toISOString(),
      myRole: role,
      canEdit: policy.editIdea(role),
    };
  }

  private audit(trx: Db, actor: Actor, action: string, id: string, details: Record<string, unknown>) {
    return auditRepository.recordAudit(trx, { actorId: actor.userId, action, subjectType: 'idea', subjectId: id, details });
  }
}

/** A link as the caller sees it: whether they stand on the side that may confirm or withdraw it. */
export function toLinkDto(l: LinkRow, onIdeaSide: boolean, onPlanSide: boolean): S.Link {
  const otherSide = l.proposed_by_side === 'idea' ? onPlanSide : onIdeaSide;
  return {
    id: l.id,
    status: l.status,
    proposedBySide: l.proposed_by_side,
    note: l.note,
    idea: { id: l.idea_id, title: l.idea_title },
    measure: { id: l.measure_id, code: l.measure_code, title: l.measure_title },
    plan: { id: l.plan_id, title: l.plan_title, organisationId: l.plan_organisation_id },
    createdAt: l.created_at.toISOString(),
    decidedAt: l.decided_at?.toISOString() ?? null,
    canDecide: l.status === 'proposed' && otherSide,
    canWithdraw: onIdeaSide || onPlanSide,
  };
}

const clean = (list: string[] | undefined) => (list ?? []).map((s) => s.trim()).filter(Boolean);
const unique = (list: string[]) => [...new Set(list)];
