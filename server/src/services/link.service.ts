import { auditRepository, ideaRepository, linkRepository, membershipRepository, planRepository, type Db, type LinkRow, type MembershipRole } from '@partnera/db';
import { policy, type Actor } from '../domain/policy';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import type * as S from '../schemas/ideas';
import { toLinkDto, type IdeaService } from './idea.service';
import type { NotificationService } from './notification.service';
import type { PlanService } from './plan.service';
import { inTransaction } from './transaction';

/**
 * "This idea serves measure 2.3": proposed by the idea's editors or the plan owner's editors and
 * confirmed by the other side, so a confirmed link is vouched for by both.
 */
export class LinkService {
  constructor(
    private readonly db: Db,
    private readonly ideas: IdeaService,
    private readonly plans: PlanService,
    private readonly notifications: NotificationService,
    private readonly clock: () => Date,
  ) {}

  async propose(actor: Actor, ideaId: string, measureId: string, note = ''): Promise<S.Link> {
    return inTransaction(this.db, async (trx, afterCommit) => {
      const { idea, role: ideaRole } = await this.ideas.readable(trx, actor, ideaId);
      const measure = await planRepository.findPlanItem(trx, measureId);
      if (!measure || measure.level !== 'measure') throw fieldError(422, 'invalid_measure', '/measureId', 'Pick a measure of a development plan');
      const { plan, role: planRole } = await this.plans.readable(trx, actor, measure.plan_id);
      const onIdeaSide = policy.editIdea(ideaRole);
      const onPlanSide = policy.editPlan(planRole);
      if (!onIdeaSide && !onPlanSide) throw forbidden("Only editors of the idea or of the plan's municipality can link them");
      if (idea.status !== 'published') throw new AppError(422, 'idea_not_published', 'Publish the idea before linking it to a plan');
      if (plan.status !== 'published') throw new AppError(422, 'plan_not_published', 'Only measures of published plans can be linked');
      const side = onIdeaSide ? 'idea' : 'plan';
      const existing = await linkRepository.findLinkByPair(trx, ideaId, measureId);
      let id: string;
      if (!existing) {
        // Someone on both sides vouches for both at once.
        const both = onIdeaSide && onPlanSide;
        id = await linkRepository.insertLink(trx, {
          idea_id: ideaId,
          measure_id: measureId,
          status: both ? 'confirmed' : 'proposed',
          proposed_by_side: side,
          proposed_by: actor.userId,
          note: note.trim(),
          decided_by: both ? actor.userId : null,
          decided_at: both ? this.clock() : null,
        });
      } else if (existing.status === 'rejected') {
        id = existing.id;
        await linkRepository.reproposeLink(trx, id, side, actor.userId, note.trim());
      } else if (existing.status === 'proposed' && existing.proposed_by_side !== side) {
        // The other side proposed the same link: proposing it back confirms it.
        id = existing.id;
        await linkRepository.setLinkStatus(trx, id, 'confirmed', actor.userId, this.clock());
      } else {
        throw new AppError(409, 'link_exists', existing.status === 'confirmed' ? 'This link is already confirmed' : 'This link is already proposed');
      }
      const link = (await linkRepository.findLink(trx, id))!;
      await this.audit(trx, actor, `link.${link.status}`, link);
      afterCommit(await this.tellOtherSide(trx, link, actor, side, link.status === 'confirmed' ? 'link.decided' : 'link.proposed'));
      return toLinkDto(link, onIdeaSide, onPlanSide);
    });
  }

  async decide(actor: Actor, linkId: string, decision: 'confirmed' | 'rejected'): Promise<S.Link> {
    return inTransaction(this.db, async (trx, afterCommit) => {
      const { link, onIdeaSide, onPlanSide } = await this.load(trx, actor, linkId);
      if (link.status !== 'proposed') throw new AppError(409, 'link_not_proposed', `This link is already ${link.status}`);
      const otherSide = link.proposed_by_side === 'idea' ? onPlanSide : onIdeaSide;
      if (!otherSide) throw forbidden('The side that did not propose the link confirms or rejects it');
      await linkRepository.setLinkStatus(trx, linkId, decision, actor.userId, this.clock());
      const updated = (await linkRepository.findLink(trx, linkId))!;
      await this.audit(trx, actor, `link.${decision}`, updated);
      afterCommit(await this.tellOtherSide(trx, updated, actor, link.proposed_by_side === 'idea' ? 'plan' : 'idea', 'link.decided'));
      return toLinkDto(updated, onIdeaSide, onPlanSide);
    });
  }

  async withdraw(actor: Actor, linkId: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const { link, onIdeaSide, onPlanSide } = await this.load(trx, actor, linkId);
      if (!onIdeaSide && !onPlanSide) throw forbidden('Only editors of the idea or of the plan can remove this link');
      await linkRepository.deleteLink(trx, linkId);
      await this.audit(trx, actor, 'link.withdrawn', link);
    });
  }

  async listForPlan(actor: Actor | null, planId: string, status?: 'proposed' | 'confirmed' | 'rejected'): Promise<S.Link[]> {
    const { role } = await this.plans.readable(this.db, actor, planId);
    const links = await linkRepository.listLinksOfPlan(this.db, planId, status);
    // The caller's role on the idea side of each link (owning or co-authoring organisation).
    const ideaRoles = new Map<string, MembershipRole | null>();
    if (actor) {
      for (const ideaId of new Set(links.map((l) => l.idea_id))) ideaRoles.set(ideaId, await ideaRepository.roleInIdea(this.db, ideaId, actor.userId));
    }
    // Outsiders see confirmed links of published ideas only; the plan side never sees a draft idea's links.
    const visible = links.filter(
      (l) =>
        policy.seeDraft(ideaRoles.get(l.idea_id) ?? null) ||
        (l.idea_status !== 'draft' && (policy.editPlan(role) || (l.status === 'confirmed' && l.idea_status === 'published'))),
    );
    return visible.map((l) => toLinkDto(l, policy.editIdea(ideaRoles.get(l.idea_id) ?? null), policy.editPlan(role)));
  }

  private async load(trx: Db, actor: Actor, linkId: string) {
    const link = await linkRepository.findLink(trx, linkId);
    if (!link) throw notFound('Link');
    const ideaRole = (await this.ideas.readable(trx, actor, link.idea_id)).role;
    const planRole = (await membershipRepository.findMembership(trx, link.plan_organisation_id, actor.userId))?.role ?? null;
    return { link, onIdeaSide: policy.editIdea(ideaRole), onPlanSide: policy.editPlan(planRole) };
  }

  /** Notifies the editors of the side the actor did not act for. */
  private async tellOtherSide(trx: Db, link: LinkRow, actor: Actor, actorSide: 'idea' | 'plan', kind: string) {
    const recipients = (
      actorSide === 'idea'
        ? await membershipRepository.listOwnerAndEditorIds(trx, link.plan_organisation_id)
        : await ideaRepository.ideaEditorIds(trx, link.idea_id)
    ).filter((id) => id !== actor.userId);
    return this.notifications.notify(
      trx,
      recipients.map((userId) => ({
        userId,
        kind,
        data: { ideaTitle: link.idea_title, measureCode: link.measure_code, measureTitle: link.measure_title, planTitle: link.plan_title, status: link.status },
        link: `/ideas/${link.idea_id}`,
      })),
    );
  }

  private audit(trx: Db, actor: Actor, action: string, link: LinkRow) {
    return auditRepository.recordAudit(trx, {
      actorId: actor.userId,
      action,
      subjectType: 'idea',
      subjectId: link.idea_id,
      details: { linkId: link.id, measureId: link.measure_id, planId: link.plan_id },
    });
  }
}
