import {
  auditRepository,
  linkRepository,
  membershipRepository,
  organisationRepository,
  planRepository,
  searchOutboxRepository,
  type Db,
  type ImportRow,
  type MembershipRole,
  type PlanItem,
  type PlanSummary,
} from '@partnera/db';
import { parsePlanCsv, parsePlanJson, type ParsedImport } from '../domain/plan-import';
import { policy, type Actor } from '../domain/policy';
import { AppError, fieldError, forbidden, isUniqueViolation, notFound } from '../errors';
import type * as S from '../schemas/plans';
import { inTransaction } from './transaction';

const LEVELS = ['priority', 'objective', 'measure'] as const;

export const versionConflict = (what: string) =>
  new AppError(409, 'version_conflict', `Someone else changed this ${what}; reload and try again`);

export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  async list(actor: Actor | null, query: S.PlanListQuery) {
    const page = await planRepository.listPlans(
      this.db,
      {
        organisationId: query.organisation,
        country: query.country,
        region: query.region,
        municipality: query.municipality,
        status: query.status,
        year: query.year,
        text: query.q?.trim() || undefined,
        viewerId: actor?.userId,
      },
      query.limit ?? 20,
      query.cursor,
    );
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    const roles = await this.rolesOf(actor);
    return { items: page.items.map((p) => toSummary(p, roles.get(p.organisation_id) ?? null)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor | null, id: string): Promise<S.PlanDetail> {
    const { plan, role } = await this.readable(this.db, actor, id);
    const [items, counts] = await Promise.all([planRepository.listPlanItems(this.db, id), linkRepository.confirmedCountsByMeasure(this.db, id)]);
    return { ...toSummary(plan, role), items: items.map((i) => toItem(i, counts.get(i.id) ?? 0)) };
  }

  async create(actor: Actor, body: S.CreatePlanBody): Promise<S.PlanSummary> {
    const org = await organisationRepository.findOrganisation(this.db, body.organisationId);
    if (!org) throw fieldError(422, 'invalid_organisation', '/organisationId', 'No such organisation');
    if (!policy.ownPlans(org.kind)) {
      throw fieldError(422, 'plans_not_allowed', '/organisationId', 'Only municipalities and regional councils publish development plans');
    }
    const role = (await membershipRepository.findMembership(this.db, org.id, actor.userId))?.role ?? null;
    if (!policy.editPlan(role)) throw forbidden('Only owners and editors of the organisation can create its plans');
    checkPeriod(body.periodStart, body.periodEnd);
    return inTransaction(this.db, async (trx) => {
      const plan = await planRepository.insertPlan(trx, {
        organisation_id: org.id,
        title: body.title.trim(),
        description: body.description?.trim() ?? '',
        language: body.language,
        period_start: body.periodStart,
        period_end: body.periodEnd,
        published_at: null,
      });
      await this.audit(trx, actor, 'plan.created', plan.id, { title: plan.title });
      return toSummary((await planRepository.findPlan(trx, plan.id))!, role);
    });
  }

  async update(actor: Actor, id: string, expectedVersion: number, body: S.UpdatePlanBody): Promise<S.PlanSummary> {
    return inTransaction(this.db, async (trx) => {
      const { plan, role } = await this.editable(trx, actor, id);
      checkPeriod(body.periodStart ?? plan.period_start, body.periodEnd ?? plan.period_end);
      if (body.status === 'draft' && plan.status !== 'draft') {
        throw fieldError(409, 'cannot_unpublish', '/status', 'A published plan cannot go back to draft; archive it instead');
      }
      const publishing = body.status === 'published' && plan.status !== 'published';
      if (publishing && plan.measure_count === 0) {
        throw fieldError(422, 'plan_empty', '/status', 'Add at least one measure before publishing the plan');
      }
      const updated = await planRepository.updatePlan(trx, id, expectedVersion, {
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.description !== undefined && { description: body.description.trim() }),
        ...(body.language !== undefined && { language: body.language }),
        ...(body.periodStart !== undefined && { period_start: body.periodStart }),
        ...(body.periodEnd !== undefined && { period_end: body.periodEnd }),
        ...(body.status !== undefined && { status: body.status }),
        ...(publishing && { published_at: this.clock() }),
      });
      if (!updated) throw versionConflict('plan');
      await this.audit(trx, actor, body.status && body.status !== plan.status ? `plan.${body.status}` : 'plan.updated', id, { fields: Object.keys(body) });
      await searchOutboxRepository.enqueueSearchSync(trx, 'plan', id);
      return toSummary((await planRepository.findPlan(trx, id))!, role);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const { plan } = await this.editable(trx, actor, id);
      if (plan.status !== 'draft') throw new AppError(409, 'plan_not_draft', 'Only draft plans can be deleted; archive a published plan instead');
      await planRepository.deletePlan(trx, id);
      await this.audit(trx, actor, 'plan.deleted', id, { title: plan.title });
      await searchOutboxRepository.enqueueSearchSync(trx, 'plan', id, 'delete');
    });
  }

  // ---- items ----

  async addItem(actor: Actor, planId: string, body: S.CreateItemBody): Promise<S.PlanItem> {
    return this.writingItems(async (trx) => {
      await this.editable(trx, actor, planId);
      const segments = body.code.split('.');
      const parentCode = segments.length > 1 ? segments.slice(0, -1).join('.') : null;
      const parent = parentCode ? await planRepository.findPlanItemByCode(trx, planId, parentCode) : undefined;
      if (parentCode && !parent) throw fieldError(422, 'parent_missing', '/code', `Add ${parentCode} before ${body.code}`);
      checkBudget(body.budget ?? null, body.currency ?? null);
      const item = await planRepository.insertPlanItem(trx, {
        plan_id: planId,
        parent_id: parent?.id ?? null,
        level: LEVELS[segments.length - 1]!,
        code: body.code,
        title: body.title.trim(),
        description: body.description?.trim() ?? '',
        indicators: body.indicators ?? [],
        budget_amount: body.budget ?? null,
        currency: body.currency ?? null,
        position: await planRepository.nextPosition(trx, planId, parent?.id ?? null),
      });
      await this.audit(trx, actor, 'plan.item_added', planId, { code: item.code });
      await searchOutboxRepository.enqueueSearchSync(trx, item.level === 'measure' ? 'plan_item' : 'plan', item.level === 'measure' ? item.id : planId);
      return toItem(item, 0);
    });
  }

  async updateItem(actor: Actor, planId: string, itemId: string, expectedVersion: number, body: S.UpdateItemBody): Promise<S.PlanItem> {
    return inTransaction(this.db, async (trx) => {
      await this.editable(trx, actor, planId);
      const item = await this.item(trx, planId, itemId);
      checkBudget(body.budget !== undefined ? body.budget : item.budget_amount, body.currency !== undefined ? body.currency : item.currency);
      const updated = await planRepository.updatePlanItem(trx, itemId, expectedVersion, {
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.description !== undefined && { description: body.description.trim() }),
        ...(body.indicators !== undefined && { indicators: body.indicators }),
        ...(body.budget !== undefined && { budget_amount: body.budget }),
        ...(body.currency !== undefined && { currency: body.currency }),
      });
      if (!updated) throw versionConflict('item');
      await this.audit(trx, actor, 'plan.item_updated', planId, { code: item.code });
      // A priority's or objective's title is context in its measures' documents.
      await searchOutboxRepository.enqueueSearchSync(trx, item.level === 'measure' ? 'plan_item' : 'plan', item.level === 'measure' ? itemId : planId);
      const counts = await linkRepository.confirmedCountsByMeasure(trx, planId);
      return toItem(updated, counts.get(itemId) ?? 0);
    });
  }

  async deleteItem(actor: Actor, planId: string, itemId: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await this.editable(trx, actor, planId);
      const item = await this.item(trx, planId, itemId);
      // Children and links go with it (foreign keys cascade); the UI asks for confirmation first.
      await planRepository.deletePlanItem(trx, itemId);
      await this.audit(trx, actor, 'plan.item_deleted', planId, { code: item.code });
      await searchOutboxRepository.enqueueSearchSync(trx, 'plan', planId);
    });
  }

  async reorder(actor: Actor, planId: string, parentId: string | null, orderedIds: string[]): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await this.editable(trx, actor, planId);
      const siblings = (await planRepository.listPlanItems(trx, planId)).filter((i) => i.parent_id === parentId).map((i) => i.id);
      const same = siblings.length === orderedIds.length && new Set(orderedIds).size === orderedIds.length && orderedIds.every((id) => siblings.includes(id));
      if (!same) throw fieldError(422, 'reorder_mismatch', '/orderedIds', 'List every item under this parent exactly once');
      await planRepository.setPositions(trx, planId, orderedIds);
    });
  }

  /** All-or-nothing import: every row is checked first; re-importing updates items by code. */
  async import(actor: Actor, planId: string, body: unknown): Promise<S.ImportResult> {
    await this.editable(this.db, actor, planId);
    const existing = await planRepository.listPlanItems(this.db, planId);
    const existingCodes = new Set(existing.map((i) => i.code));
    let parsed: ParsedImport;
    if (typeof body === 'string') parsed = parsePlanCsv(body, existingCodes);
    else if (isJsonImport(body)) parsed = parsePlanJson(body, existingCodes);
    else throw new AppError(400, 'validation_failed', 'Send a CSV file (text/csv) or JSON { "items": [...] }');
    if (!parsed.ok) {
      throw new AppError(
        422,
        'import_invalid',
        `${parsed.errors.length} problem(s) found; nothing was imported`,
        parsed.errors.map((e) => ({ path: `/line/${e.line}/${e.field}`, message: `line ${e.line}, ${e.field}: ${e.message}` })),
      );
    }
    const rows = placeAfterStoredSiblings(parsed.rows, existing);
    return inTransaction(this.db, async (trx) => {
      const ids = new Map(existing.map((i) => [i.code, i.id]));
      let created = 0;
      let updated = 0;
      // Parents first, so each level can point at the ids of the one above.
      for (const level of LEVELS) {
        const result = await planRepository.upsertPlanItems(trx, planId, rows.filter((r) => r.level === level), ids);
        created += result.created;
        updated += result.updated;
        for (const [code, id] of result.ids) ids.set(code, id);
      }
      await this.audit(trx, actor, 'plan.imported', planId, { total: rows.length, created, updated });
      await searchOutboxRepository.enqueueSearchSync(trx, 'plan', planId);
      return { total: rows.length, created, updated, unchanged: rows.length - created - updated };
    });
  }

  // ---- helpers ----

  private async writingItems<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.db, work);
    } catch (error) {
      if (isUniqueViolation(error)) throw fieldError(409, 'code_taken', '/code', 'Another item of this plan has this code');
      throw error;
    }
  }

  private async item(db: Db, planId: string, itemId: string): Promise<PlanItem> {
    const item = await planRepository.findPlanItem(db, itemId);
    if (!item || item.plan_id !== planId) throw notFound('Plan item');
    return item;
  }

  /** The plan and the caller's role; drafts are hidden (404) from outsiders. */
  async readable(db: Db, actor: Actor | null, id: string): Promise<{ plan: PlanSummary; role: MembershipRole | null }> {
    const plan = await planRepository.findPlan(db, id);
    if (!plan) throw notFound('Plan');
    const role = actor ? ((await membershipRepository.findMembership(db, plan.organisation_id, actor.userId))?.role ?? null) : null;
    if (plan.status === 'draft' && !policy.seeDraft(role)) throw notFound('Plan');
    return { plan, role };
  }

  private async editable(db: Db, actor: Actor, id: string) {
    const found = await this.readable(db, actor, id);
    if (!policy.editPlan(found.role)) throw forbidden('Only owners and editors of the municipality can change its plan');
    return found;
  }

  private async rolesOf(actor: Actor | null): Promise<Map<string, MembershipRole>> {
    if (!actor) return new Map();
    return new Map((await membershipRepository.listMembershipsOfUser(this.db, actor.userId)).map((m) => [m.id, m.role]));
  }

  private audit(trx: Db, actor: Actor, action: string, id: string, details: Record<string, unknown>) {
    return auditRepository.recordAudit(trx, { actorId: actor.userId, action, subjectType: 'plan', subjectId: id, details });
  }
}

/**
 * Items already in the plan keep their place; new ones go after the siblings already stored, in
 * file order. So a partial file never reshuffles the tree and an unchanged row stays unchanged.
 */
function placeAfterStoredSiblings(rows: ImportRow[], existing: PlanItem[]): ImportRow[] {
  const stored = new Map(existing.map((i) => [i.code, i]));
  const next = new Map<string, number>();
  for (const item of existing) {
    const parent = item.code.split('.').slice(0, -1).join('.');
    next.set(parent, Math.max(next.get(parent) ?? 0, item.position + 1));
  }
  return rows.map((row) => {
    const known = stored.get(row.code);
    if (known) return { ...row, position: known.position };
    const parent = row.parentCode ?? '';
    const position = next.get(parent) ?? 0;
    next.set(parent, position + 1);
    return { ...row, position };
  });
}

function isJsonImport(body: unknown): body is { items: Array<Record<string, unknown> & { code: unknown; title: unknown }> } {
  return typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items) &&
    (body as { items: unknown[] }).items.every((i) => typeof i === 'object' && i !== null && !Array.isArray(i));
}

function checkPeriod(start: number, end: number) {
  if (end < start) throw fieldError(422, 'invalid_period', '/periodEnd', 'The period must end in or after the year it starts');
  if (end - start > 30) throw fieldError(422, 'invalid_period', '/periodEnd', 'A plan period is at most 30 years');
}

function checkBudget(budget: string | null, currency: string | null) {
  if (budget && !currency) throw fieldError(422, 'currency_required', '/currency', 'A budget needs a currency');
}

export function toSummary(p: PlanSummary, role: MembershipRole | null): S.PlanSummary {
  return {
    id: p.id,
    organisation: { id: p.organisation_id, name: p.organisation_name, kind: p.organisation_kind, country: p.country, territoryCode: p.territory_code },
    title: p.title,
    description: p.description,
    language: p.language,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    status: p.status,
    measureCount: p.measure_count,
    version: p.version,
    publishedAt: p.published_at?.toISOString() ?? null,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    canEdit: policy.editPlan(role),
  };
}

function toItem(i: PlanItem, linkedIdeas: number): S.PlanItem {
  return {
    id: i.id,
    parentId: i.parent_id,
    level: i.level,
    code: i.code,
    title: i.title,
    description: i.description,
    indicators: i.indicators,
    budget: i.budget_amount,
    currency: i.currency,
    position: i.position,
    version: i.version,
    linkedIdeas,
  };
}
