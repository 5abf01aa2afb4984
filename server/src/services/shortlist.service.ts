import {
  auditRepository,
  ideaRepository,
  membershipRepository,
  organisationRepository,
  planRepository,
  shortlistRepository,
  type Db,
  type EntryRow,
  type MembershipRole,
  type RoundRow,
  type ScoreRow,
} from '@partnera/db';
import { policy, type Actor } from '../domain/policy';
import { DISAGREEMENT_SHARE, rankEntries, type RankingResult } from '../domain/shortlist-ranking';
import { AppError, fieldError, forbidden, isUniqueViolation, notFound } from '../errors';
import { contentDisposition, documentMediaType, renderCsv, renderDocument } from '../export';
import type * as S from '../schemas/shortlists';
import type { NotificationService } from './notification.service';
import { versionConflict } from './plan.service';
import type { SearchService } from './search.service';
import { reportCsv, reportDocument } from './shortlist-export';
import type { TerritoryService } from './territory.service';
import { inTransaction } from './transaction';

const ORDER: S.ShortlistStatus[] = ['collecting', 'reviewing', 'decided', 'published'];

export interface ShortlistServiceDeps {
  db: Db;
  notifications: NotificationService;
  search: Pick<SearchService, 'planMatches' | 'coverage'>;
  territories: TerritoryService;
  clock: () => Date;
}

/** Who the caller is for a round: their council role and whether they review it. */
interface Viewer {
  actor: Actor | null;
  role: MembershipRole | null;
  isReviewer: boolean;
}

/** Everything about a round's scoring, loaded once per request. */
interface Scoring {
  round: RoundRow;
  criteria: Awaited<ReturnType<typeof shortlistRepository.listCriteria>>;
  entries: EntryRow[];
  scores: ScoreRow[];
  reviewers: Awaited<ReturnType<typeof shortlistRepository.listReviewers>>;
  /** "entryId:userId" pairs in conflict, with whether it is automatic and the declared note. */
  conflicts: Map<string, { automatic: boolean; note: string }>;
  ranking: RankingResult;
}

/**
 * Review rounds of regional councils: collecting ideas, reviewers scoring them against weighted criteria,
 * the council's decisions and the published report.
 */
export class ShortlistService {
  constructor(private readonly deps: ShortlistServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  // ---- rounds ----

  async list(actor: Actor | null, query: S.RoundListQuery): Promise<{ items: S.RoundSummary[]; nextCursor: string | null }> {
    const page = await shortlistRepository.listRounds(
      this.db,
      { viewerId: actor?.userId, status: query.status, region: query.region, organisationId: query.organisation },
      query.limit ?? 20,
      query.cursor,
    );
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
  }

  /** Rounds collecting entries in the idea's regions that the caller may submit the idea to. */
  async openForIdea(actor: Actor, ideaId: string): Promise<S.RoundSummary[]> {
    const idea = await ideaRepository.findIdea(this.db, ideaId);
    if (!idea) throw notFound('Idea');
    const role = await ideaRepository.roleInIdea(this.db, ideaId, actor.userId);
    if (!policy.submitToShortlist(role) || idea.status !== 'published') return [];
    const regions = [...new Set(idea.places.map((code) => this.regionOf(code)).filter((c): c is string => !!c))];
    const countries = [...new Set(idea.places.map((code) => this.deps.territories.get(code)?.country).filter((c): c is string => !!c))];
    const rounds = await shortlistRepository.listOpenRounds(this.db, regions, countries);
    const today = this.today();
    return rounds.filter((r) => withinCall(r, today)).map(toSummary);
  }

  async get(actor: Actor | null, id: string): Promise<S.RoundDetail> {
    const { round, viewer } = await this.readable(this.db, actor, id);
    return this.toDetail(this.db, round, viewer);
  }

  async create(actor: Actor, body: S.CreateRoundBody): Promise<S.RoundDetail> {
    const org = await organisationRepository.findOrganisation(this.db, body.organisationId);
    if (!org) throw fieldError(422, 'invalid_organisation', '/organisationId', 'No such organisation');
    if (!policy.ownShortlists(org.kind)) throw fieldError(422, 'shortlists_not_allowed', '/organisationId', 'Only regional councils run review rounds');
    const role = (await membershipRepository.findMembership(this.db, org.id, actor.userId))?.role ?? null;
    if (!policy.manageShortlist(role)) throw forbidden('Only owners and editors of the council can set up a round');
    return inTransaction(this.db, async (trx) => {
      await this.validateSetup(trx, org.id, body);
      const id = await shortlistRepository.insertRound(trx, {
        organisation_id: org.id,
        title: body.title.trim(),
        description: body.description?.trim() ?? '',
        region_code: body.regionCode ?? null,
        call_start: body.callStart ?? null,
        call_end: body.callEnd ?? null,
        scale: body.scale,
        blind: body.blind ?? false,
        created_by: actor.userId,
        published_at: null,
      });
      await shortlistRepository.replaceCriteria(trx, id, body.criteria.map(cleanCriterion));
      await shortlistRepository.replaceRoundPlans(trx, id, unique(body.planIds ?? []));
      await shortlistRepository.replaceReviewers(trx, id, unique(body.reviewerIds ?? []));
      await this.audit(trx, actor, 'shortlist.created', id, { title: body.title.trim() });
      const round = (await shortlistRepository.findRound(trx, id))!;
      return this.toDetail(trx, round, { actor, role, isReviewer: (body.reviewerIds ?? []).includes(actor.userId) });
    });
  }

  /** Setup changes while the round collects entries; criteria and scale are fixed once scoring starts. */
  async update(actor: Actor, id: string, expectedVersion: number, body: S.UpdateRoundBody): Promise<S.RoundDetail> {
    return inTransaction(this.db, async (trx) => {
      const { round, viewer } = await this.manageable(trx, actor, id);
      if (round.status !== 'collecting') throw new AppError(409, 'round_not_collecting', 'The setup can only change while the round collects entries');
      await this.validateSetup(trx, round.organisation_id, {
        callStart: body.callStart !== undefined ? body.callStart : round.call_start,
        callEnd: body.callEnd !== undefined ? body.callEnd : round.call_end,
        ...(body.criteria && { criteria: body.criteria }),
        ...(body.regionCode !== undefined && { regionCode: body.regionCode }),
        ...(body.planIds && { planIds: body.planIds }),
        ...(body.reviewerIds && { reviewerIds: body.reviewerIds }),
      });
      const ok = await shortlistRepository.updateRound(
        trx,
        id,
        expectedVersion,
        {
          ...(body.title !== undefined && { title: body.title.trim() }),
          ...(body.description !== undefined && { description: body.description.trim() }),
          ...(body.regionCode !== undefined && { region_code: body.regionCode }),
          ...(body.callStart !== undefined && { call_start: body.callStart }),
          ...(body.callEnd !== undefined && { call_end: body.callEnd }),
          ...(body.scale !== undefined && { scale: body.scale }),
          ...(body.blind !== undefined && { blind: body.blind }),
        },
        this.deps.clock(),
      );
      if (!ok) throw versionConflict('round');
      if (body.criteria) await shortlistRepository.replaceCriteria(trx, id, body.criteria.map(cleanCriterion));
      if (body.planIds) await shortlistRepository.replaceRoundPlans(trx, id, unique(body.planIds));
      if (body.reviewerIds) await shortlistRepository.replaceReviewers(trx, id, unique(body.reviewerIds));
      await this.audit(trx, actor, 'shortlist.updated', id, { fields: Object.keys(body) });
      const updated = (await shortlistRepository.findRound(trx, id))!;
      const isReviewer = await shortlistRepository.isReviewer(trx, id, actor.userId);
      return this.toDetail(trx, updated, { ...viewer, isReviewer });
    });
  }

  /** Status moves forward one step at a time, each with its own precondition. */
  async changeStatus(actor: Actor, id: string, to: S.ShortlistStatus): Promise<S.RoundDetail> {
    return inTransaction(this.db, async (trx, afterCommit) => {
      await shortlistRepository.lockRound(trx, id);
      const { round, viewer } = await this.manageable(trx, actor, id);
      if (ORDER.indexOf(to) !== ORDER.indexOf(round.status) + 1) {
        throw new AppError(409, 'invalid_transition', `A round that is ${round.status} cannot become ${to}; status only moves forward one step`);
      }
      const scoring = await this.scoring(trx, round);
      if (to === 'reviewing') {
        if (scoring.entries.length === 0) throw new AppError(409, 'no_entries', 'Add at least one entry before reviewing starts');
        if (scoring.reviewers.length === 0) throw new AppError(409, 'no_reviewers', 'Choose at least one reviewer before reviewing starts');
      }
      if (to === 'decided') {
        if (scoring.ranking.unresolvedTies.length > 0) throw new AppError(409, 'unresolved_tie', 'Break every tie in the ranking before finalising the decisions');
        const byId = new Map(scoring.entries.map((e) => [e.id, e]));
        const undecided = scoring.ranking.entries.filter((r) => r.rank !== null && !byId.get(r.id)?.decision);
        if (undecided.length > 0) throw new AppError(409, 'undecided_entries', `Decide every ranked entry first (${undecided.length} left)`);
      }
      await shortlistRepository.setRoundStatus(trx, id, to, this.deps.clock());
      await this.audit(trx, actor, `shortlist.${to}`, id, {});
      if (to === 'published') {
        // Owners learn the outcome when the report is public (not earlier, while the council may still revise).
        const items = [];
        for (const entry of scoring.entries) {
          for (const userId of await ideaRepository.ideaEditorIds(trx, entry.idea_id)) {
            items.push({
              userId,
              kind: 'shortlist.published',
              data: { roundTitle: round.title, ideaTitle: entry.idea_title, decision: entry.decision, reason: entry.decision_reason },
              link: `/shortlists/${id}/report`,
            });
          }
        }
        afterCommit(await this.deps.notifications.notify(trx, items));
      }
      return this.toDetail(trx, (await shortlistRepository.findRound(trx, id))!, viewer);
    });
  }

  // ---- entries ----

  async addEntry(actor: Actor, id: string, ideaId: string): Promise<S.Entry> {
    try {
      return await this.insertEntry(actor, id, ideaId);
    } catch (error) {
      // Two people adding the same idea at once: the second meets the unique constraint.
      if (isUniqueViolation(error)) throw new AppError(409, 'entry_exists', 'This idea is already in the round');
      throw error;
    }
  }

  private async insertEntry(actor: Actor, id: string, ideaId: string): Promise<S.Entry> {
    return inTransaction(this.db, async (trx) => {
      const round = await shortlistRepository.findRound(trx, id);
      if (!round) throw notFound('Round');
      const role = await this.councilRole(trx, round, actor);
      const idea = await ideaRepository.findIdea(trx, ideaId);
      const ideaRole = idea ? await ideaRepository.roleInIdea(trx, ideaId, actor.userId) : null;
      const asCouncil = policy.manageShortlist(role);
      if (!asCouncil && !policy.submitToShortlist(ideaRole)) {
        if (!policy.readShortlist(role, false)) throw notFound('Round');
        throw forbidden("Only the council's editors or the idea's editors can add it to the round");
      }
      if (!idea || (idea.status !== 'published' && !policy.seeDraft(ideaRole))) throw fieldError(422, 'invalid_idea', '/ideaId', 'No such idea');
      if (idea.status !== 'published') throw fieldError(422, 'idea_not_published', '/ideaId', 'Only published ideas can be entered');
      if (round.status !== 'collecting') throw new AppError(409, 'round_not_collecting', 'This round no longer collects entries');
      if (!asCouncil && !withinCall(round, this.today())) throw new AppError(409, 'call_closed', 'The call for ideas of this round is not open');
      if (await shortlistRepository.findEntryByIdea(trx, id, ideaId)) throw new AppError(409, 'entry_exists', 'This idea is already in the round');
      const entryId = await shortlistRepository.insertEntry(trx, { roundId: id, ideaId, addedBy: actor.userId, side: asCouncil ? 'council' : 'owner' });
      await shortlistRepository.touchRound(trx, id, this.deps.clock());
      await this.audit(trx, actor, 'shortlist.entry_added', id, { entryId, ideaId, side: asCouncil ? 'council' : 'owner' });
      const entry = (await shortlistRepository.findEntry(trx, id, entryId))!;
      return toEntry(entry, { myReview: 'none', myConflict: null, reviewCount: 0, canRemove: true });
    });
  }

  /** The council removes, or the idea's editors withdraw, an entry before reviewing starts. */
  async removeEntry(actor: Actor, id: string, entryId: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const round = await shortlistRepository.findRound(trx, id);
      if (!round) throw notFound('Round');
      const entry = await shortlistRepository.findEntry(trx, id, entryId);
      const role = await this.councilRole(trx, round, actor);
      const ideaRole = entry ? await ideaRepository.roleInIdea(trx, entry.idea_id, actor.userId) : null;
      if (!policy.manageShortlist(role) && !policy.submitToShortlist(ideaRole)) {
        if (!policy.readShortlist(role, false)) throw notFound('Round');
        throw forbidden("Only the council's editors or the idea's editors can remove this entry");
      }
      if (!entry) throw notFound('Entry');
      if (round.status !== 'collecting') throw new AppError(409, 'round_not_collecting', 'Entries can only be removed while the round collects them');
      await shortlistRepository.deleteEntry(trx, entryId);
      await shortlistRepository.touchRound(trx, id, this.deps.clock());
      await this.audit(trx, actor, 'shortlist.entry_removed', id, { entryId, ideaId: entry.idea_id });
    });
  }

  /** Published ideas that strongly match the linked plans and are not entries yet. */
  async suggestions(actor: Actor, id: string): Promise<S.Suggestions> {
    const { round } = await this.readable(this.db, actor, id);
    const plans = await shortlistRepository.listRoundPlans(this.db, id);
    const entered = new Set((await shortlistRepository.listEntries(this.db, id)).map((e) => e.idea_id));
    const seen = new Set<string>();
    const items: S.Suggestions['items'] = [];
    let matchingAvailable = true;
    for (const plan of plans) {
      try {
        const matches = await this.deps.search.planMatches(actor, plan.id, { scope: round.region_code ? 'region' : 'country', limit: 30 });
        for (const m of matches.items) {
          if (m.explanation.band !== 'strong' || entered.has(m.idea.id) || seen.has(m.idea.id)) continue;
          seen.add(m.idea.id);
          items.push({
            idea: { id: m.idea.id, title: m.idea.title.map((s) => s.text).join(''), organisation: m.idea.organisation },
            plan: { id: plan.id, title: plan.title },
            measures: m.measures.filter((ms) => ms.band === 'strong').map(({ id: measureId, code, title }) => ({ id: measureId, code, title })),
          });
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        matchingAvailable = false;
      }
    }
    return { items, matchingAvailable };
  }

  async coverage(actor: Actor | null, id: string): Promise<S.Coverage> {
    const { round } = await this.readable(this.db, actor, id);
    return this.planCoverage(actor, round);
  }

  // ---- reviewing ----

  async declareConflict(actor: Actor, id: string, entryId: string, note: string): Promise<S.Entry> {
    return inTransaction(this.db, async (trx) => {
      const { round, viewer } = await this.readable(trx, actor, id);
      if (!viewer.isReviewer) throw new AppError(403, 'not_reviewer', 'Only reviewers of this round declare conflicts of interest');
      if (round.status !== 'collecting' && round.status !== 'reviewing') throw new AppError(409, 'round_closed', 'Reviewing is over');
      const entry = await shortlistRepository.findEntry(trx, id, entryId);
      if (!entry) throw notFound('Entry');
      await shortlistRepository.declareConflict(trx, entryId, actor.userId, note.trim());
      // A conflicted reviewer's scores must not count.
      await shortlistRepository.deleteReview(trx, entryId, actor.userId);
      await this.audit(trx, actor, 'shortlist.conflict_declared', id, { entryId });
      return this.entryFor(trx, round, viewer, entryId);
    });
  }

  async withdrawConflict(actor: Actor, id: string, entryId: string): Promise<S.Entry> {
    return inTransaction(this.db, async (trx) => {
      const { round, viewer } = await this.readable(trx, actor, id);
      if (!viewer.isReviewer) throw new AppError(403, 'not_reviewer', 'Only reviewers of this round declare conflicts of interest');
      if (round.status !== 'collecting' && round.status !== 'reviewing') throw new AppError(409, 'round_closed', 'Reviewing is over');
      if (!(await shortlistRepository.findEntry(trx, id, entryId))) throw notFound('Entry');
      await shortlistRepository.withdrawConflict(trx, entryId, actor.userId);
      await this.audit(trx, actor, 'shortlist.conflict_withdrawn', id, { entryId });
      return this.entryFor(trx, round, viewer, entryId);
    });
  }

  /** A reviewer submits (or resubmits) scores for every criterion of an entry. */
  async submitReview(actor: Actor, id: string, entryId: string, body: S.ReviewBody): Promise<S.EntryReviews> {
    return inTransaction(this.db, async (trx) => {
      await shortlistRepository.lockRound(trx, id);
      const { round, viewer } = await this.readable(trx, actor, id);
      if (!viewer.isReviewer) throw new AppError(403, 'not_reviewer', 'Only reviewers of this round can score its entries');
      if (round.status !== 'reviewing') throw new AppError(409, 'round_not_reviewing', 'Scores can be given only while the round is reviewing');
      const entry = await shortlistRepository.findEntry(trx, id, entryId);
      if (!entry) throw notFound('Entry');
      const conflict = await this.conflictOf(trx, entry, actor.userId);
      if (conflict) throw new AppError(403, 'conflict_of_interest', conflict.automatic ? "You belong to the idea's organisation, so you cannot score it" : 'You declared a conflict of interest for this entry');
      const criteria = await shortlistRepository.listCriteria(trx, id);
      const given = new Map<string, { score: number; comment: string }>();
      for (const [i, s] of body.scores.entries()) {
        if (!criteria.some((c) => c.id === s.criterionId)) throw fieldError(422, 'invalid_criterion', `/scores/${i}/criterionId`, 'Not a criterion of this round');
        if (given.has(s.criterionId)) throw fieldError(422, 'duplicate_criterion', `/scores/${i}/criterionId`, 'Each criterion is scored once');
        if (s.score > round.scale) throw fieldError(422, 'score_out_of_range', `/scores/${i}/score`, `Scores run from 0 to ${round.scale}`);
        given.set(s.criterionId, { score: s.score, comment: (s.comment ?? '').trim() });
      }
      const missing = criteria.findIndex((c) => !given.has(c.id));
      if (missing >= 0) throw fieldError(422, 'incomplete_review', '/scores', `Score every criterion (missing: ${criteria[missing]!.name})`);
      await shortlistRepository.saveReview(trx, entryId, actor.userId, [...given].map(([criterionId, s]) => ({ criterionId, ...s })), this.deps.clock());
      await this.audit(trx, actor, 'shortlist.review_submitted', id, { entryId });
      return this.reviewsFor(trx, round, viewer, entry);
    });
  }

  async reviews(actor: Actor, id: string, entryId: string): Promise<S.EntryReviews> {
    const { round, viewer } = await this.readable(this.db, actor, id);
    const entry = await shortlistRepository.findEntry(this.db, id, entryId);
    if (!entry) throw notFound('Entry');
    return this.reviewsFor(this.db, round, viewer, entry);
  }

  async ranking(actor: Actor, id: string): Promise<S.Ranking> {
    const { round, viewer } = await this.readable(this.db, actor, id);
    const scoring = await this.scoring(this.db, round);
    return {
      criteria: scoring.criteria.map(toCriterion),
      scale: round.scale,
      disagreementShare: DISAGREEMENT_SHARE,
      rows: this.rankingRows(scoring, viewer),
      unresolvedTies: scoring.ranking.unresolvedTies,
    };
  }

  // ---- deciding ----

  /** Orders one group of entries with equal scores (first = better). */
  async breakTie(actor: Actor, id: string, entryIds: string[]): Promise<S.Ranking> {
    await inTransaction(this.db, async (trx) => {
      await shortlistRepository.lockRound(trx, id);
      const { round } = await this.manageable(trx, actor, id);
      if (round.status !== 'reviewing') throw new AppError(409, 'round_not_reviewing', 'Ties are broken while the round is reviewing');
      const scoring = await this.scoring(trx, round);
      const totals = new Map(scoring.ranking.entries.map((e) => [e.id, e.total]));
      const first = totals.get(entryIds[0]!);
      const group = scoring.ranking.entries.filter((e) => e.total !== null && first != null && Math.round(e.total * 100) === Math.round(first * 100)).map((e) => e.id);
      const given = new Set(entryIds);
      if (first == null || group.length < 2 || given.size !== entryIds.length || group.length !== given.size || !group.every((e) => given.has(e))) {
        throw fieldError(422, 'not_a_tie', '/entryIds', 'List every entry of one group with equal scores, best first');
      }
      await shortlistRepository.setTieBreak(trx, id, entryIds);
      await this.audit(trx, actor, 'shortlist.tie_broken', id, { entryIds });
    });
    return this.ranking(actor, id);
  }

  async decide(actor: Actor, id: string, entryId: string, body: S.DecisionBody): Promise<S.Entry> {
    return inTransaction(this.db, async (trx) => {
      await shortlistRepository.lockRound(trx, id);
      const { round, viewer } = await this.manageable(trx, actor, id);
      if (round.status !== 'reviewing' && round.status !== 'decided') throw new AppError(409, 'round_not_deciding', 'Decisions are recorded while reviewing or decided');
      const entry = await shortlistRepository.findEntry(trx, id, entryId);
      if (!entry) throw notFound('Entry');
      const reason = (body.reason ?? '').trim();
      if (body.decision !== 'shortlisted' && !reason) throw fieldError(422, 'reason_required', '/reason', 'Give a reason for rejecting or deferring');
      await shortlistRepository.setDecision(trx, entryId, body.decision, reason, actor.userId, this.deps.clock());
      await shortlistRepository.touchRound(trx, id, this.deps.clock());
      await this.audit(trx, actor, 'shortlist.decided_entry', id, { entryId, decision: body.decision });
      return this.entryFor(trx, round, viewer, entryId);
    });
  }

  // ---- report ----

  /** Public once published; council members may preview it before. */
  async report(actor: Actor | null, id: string): Promise<S.Report> {
    const { round, viewer } = await this.readable(this.db, actor, id, { publicWhenPublished: true });
    const scoring = await this.scoring(this.db, round);
    const plans = await shortlistRepository.listRoundPlans(this.db, id);
    const count = (d: string) => scoring.entries.filter((e) => e.decision === d).length;
    return {
      round: toSummary(round),
      description: round.description,
      plans: plans.map((p) => ({ id: p.id, title: p.title })),
      criteria: scoring.criteria.map(toCriterion),
      rows: this.rankingRows(scoring, viewer),
      coverage: await this.planCoverage(actor, round),
      counts: { entries: scoring.entries.length, shortlisted: count('shortlisted'), rejected: count('rejected'), deferred: count('deferred') },
    };
  }

  /** The report as a downloadable file: PDF or DOCX (with charts), Markdown, or CSV (one row per entry). */
  async exportReport(actor: Actor | null, id: string, format: 'pdf' | 'docx' | 'md' | 'csv', lang: string) {
    const report = await this.report(actor, id);
    const region = report.round.regionCode ? this.deps.territories.get(report.round.regionCode) : undefined;
    const base = `${report.round.title}`.slice(0, 80);
    const body =
      format === 'csv'
        ? Buffer.from(renderCsv(reportCsv(report, lang).columns, reportCsv(report, lang).rows), 'utf8')
        : await renderDocument(reportDocument(report, lang, region ? `${region.name_local} (${region.name_en})` : null, this.deps.clock()), format);
    return { body, mediaType: documentMediaType(format), disposition: contentDisposition(`${base}.${format}`) };
  }

  // ---- helpers ----

  private async councilRole(db: Db, round: RoundRow, actor: Actor | null): Promise<MembershipRole | null> {
    return actor ? ((await membershipRepository.findMembership(db, round.organisation_id, actor.userId))?.role ?? null) : null;
  }

  /**
   * Loads a round the caller may read: the council's members; anyone else only the report of a published round
   * (`publicWhenPublished`), never its workings (reviewers, scores, conflicts).
   */
  private async readable(db: Db, actor: Actor | null, id: string, opts: { publicWhenPublished?: boolean } = {}): Promise<{ round: RoundRow; viewer: Viewer }> {
    const round = await shortlistRepository.findRound(db, id);
    if (!round) throw notFound('Round');
    const role = await this.councilRole(db, round, actor);
    if (!policy.readShortlist(role, opts.publicWhenPublished === true && round.status === 'published')) throw notFound('Round');
    const isReviewer = actor ? await shortlistRepository.isReviewer(db, id, actor.userId) : false;
    return { round, viewer: { actor, role, isReviewer } };
  }

  private async manageable(db: Db, actor: Actor, id: string) {
    const found = await this.readable(db, actor, id);
    if (!policy.manageShortlist(found.viewer.role)) throw forbidden("Only the council's owners and editors manage the round");
    return found;
  }

  private async conflictOf(db: Db, entry: EntryRow, userId: string): Promise<{ automatic: boolean; note: string } | null> {
    const pairs = await shortlistRepository.ideaMembershipPairs(db, [entry.idea_id], [userId]);
    if (pairs.size > 0) return { automatic: true, note: '' };
    const declared = (await shortlistRepository.listConflicts(db, entry.round_id)).find((c) => c.entry_id === entry.id && c.user_id === userId);
    return declared ? { automatic: false, note: declared.note } : null;
  }

  private async scoring(db: Db, round: RoundRow): Promise<Scoring> {
    const [criteria, entries, scores, reviewers, declared] = await Promise.all([
      shortlistRepository.listCriteria(db, round.id),
      shortlistRepository.listEntries(db, round.id),
      shortlistRepository.listScores(db, round.id),
      shortlistRepository.listReviewers(db, round.id),
      shortlistRepository.listConflicts(db, round.id),
    ]);
    const conflicts = new Map<string, { automatic: boolean; note: string }>();
    for (const c of declared) conflicts.set(`${c.entry_id}:${c.user_id}`, { automatic: false, note: c.note });
    const automatic = await shortlistRepository.ideaMembershipPairs(db, entries.map((e) => e.idea_id), reviewers.map((r) => r.id));
    for (const e of entries) for (const r of reviewers) if (automatic.has(`${e.idea_id}:${r.id}`)) conflicts.set(`${e.id}:${r.id}`, { automatic: true, note: '' });
    // Scores of someone no longer a reviewer, or now in conflict, do not count.
    const reviewerIds = new Set(reviewers.map((r) => r.id));
    const counted = scores.filter((s) => reviewerIds.has(s.user_id) && !conflicts.has(`${s.entry_id}:${s.user_id}`));
    const ranking = rankEntries(
      criteria.map((c) => ({ id: c.id, weight: c.weight })),
      round.scale,
      entries.map((e) => ({ id: e.id, tieBreak: e.tie_break, reviews: reviewsOf(counted, e.id) })),
    );
    return { round, criteria, entries, scores: counted, reviewers, conflicts, ranking };
  }

  private submitted(scoring: Scoring, entryId: string, userId: string) {
    return scoring.scores.some((s) => s.entry_id === entryId && s.user_id === userId);
  }

  /** Blind mode: a reviewer sees others' scores for an entry only after submitting their own, while reviewing lasts. */
  private hiddenFor(scoring: Scoring, viewer: Viewer, entryId: string) {
    return scoring.round.blind && scoring.round.status === 'reviewing' && viewer.isReviewer && !!viewer.actor && !this.submitted(scoring, entryId, viewer.actor.userId);
  }

  private rankingRows(scoring: Scoring, viewer: Viewer): S.RankingRow[] {
    const byId = new Map(scoring.entries.map((e) => [e.id, e]));
    return scoring.ranking.entries.map((r) => {
      const e = byId.get(r.id)!;
      const hidden = this.hiddenFor(scoring, viewer, r.id);
      return {
        entryId: r.id,
        idea: { id: e.idea_id, title: e.idea_title, organisation: { id: e.idea_organisation_id, name: e.idea_organisation_name } },
        rank: hidden ? null : r.rank,
        total: hidden ? null : r.total,
        means: scoring.criteria.map((c) => (hidden ? null : (r.means[c.id] ?? null))),
        reviewCount: r.reviewCount,
        tie: hidden ? null : r.tie,
        disagreement: hidden ? [] : r.disagreement,
        decision: e.decision,
        decisionReason: e.decision_reason,
        hidden,
      };
    });
  }

  private async reviewsFor(db: Db, round: RoundRow, viewer: Viewer, entry: EntryRow): Promise<S.EntryReviews> {
    const scoring = await this.scoring(db, round);
    const hidden = this.hiddenFor(scoring, viewer, entry.id);
    const names = new Map(scoring.reviewers.map((r) => [r.id, r.display_name]));
    const byUser = new Map<string, ScoreRow[]>();
    for (const s of scoring.scores) if (s.entry_id === entry.id) byUser.set(s.user_id, [...(byUser.get(s.user_id) ?? []), s]);
    const order = new Map(scoring.criteria.map((c, i) => [c.id, i]));
    const items = [...byUser]
      .filter(([userId]) => !hidden || userId === viewer.actor?.userId)
      .map(([userId, scores]) => ({
        reviewer: { id: userId, name: names.get(userId) ?? '' },
        submittedAt: scores[0]!.submitted_at.toISOString(),
        scores: scores.sort((a, b) => (order.get(a.criterion_id) ?? 0) - (order.get(b.criterion_id) ?? 0)).map((s) => ({ criterionId: s.criterion_id, score: s.score, comment: s.comment })),
      }));
    return { entryId: entry.id, hidden, items };
  }

  private entryDto(scoring: Scoring, viewer: Viewer, e: EntryRow): S.Entry {
    const me = viewer.actor?.userId;
    const conflict = me && viewer.isReviewer ? (scoring.conflicts.get(`${e.id}:${me}`) ?? null) : null;
    const myReview = !viewer.isReviewer || !me ? 'none' : conflict ? 'conflict' : this.submitted(scoring, e.id, me) ? 'submitted' : 'pending';
    return toEntry(e, {
      myReview,
      myConflict: conflict,
      reviewCount: new Set(scoring.scores.filter((s) => s.entry_id === e.id).map((s) => s.user_id)).size,
      canRemove: scoring.round.status === 'collecting' && policy.manageShortlist(viewer.role),
    });
  }

  private async entryFor(db: Db, round: RoundRow, viewer: Viewer, entryId: string): Promise<S.Entry> {
    const scoring = await this.scoring(db, round);
    const entry = scoring.entries.find((e) => e.id === entryId);
    if (!entry) throw notFound('Entry');
    return this.entryDto(scoring, viewer, entry);
  }

  private async toDetail(db: Db, round: RoundRow, viewer: Viewer): Promise<S.RoundDetail> {
    const scoring = await this.scoring(db, round);
    const plans = await shortlistRepository.listRoundPlans(db, round.id);
    return {
      ...toSummary(round),
      description: round.description,
      plans: plans.map((p) => ({ id: p.id, title: p.title, periodStart: p.period_start, periodEnd: p.period_end })),
      criteria: scoring.criteria.map(toCriterion),
      reviewers: scoring.reviewers.map((r) => {
        const conflicts = scoring.entries.filter((e) => scoring.conflicts.has(`${e.id}:${r.id}`)).length;
        return {
          id: r.id,
          displayName: r.display_name,
          submitted: scoring.entries.filter((e) => this.submitted(scoring, e.id, r.id)).length,
          conflicts,
          expected: scoring.entries.length - conflicts,
        };
      }),
      entries: scoring.entries.map((e) => this.entryDto(scoring, viewer, e)),
      version: round.version,
      updatedAt: round.updated_at.toISOString(),
      myRole: viewer.role,
      canManage: policy.manageShortlist(viewer.role),
      isReviewer: viewer.isReviewer,
    };
  }

  /**
   * Per priority of each linked plan: entries whose idea has a confirmed link to a measure under it, and entries
   * the matcher strongly matches to a measure under it (when the search engine answers).
   */
  private async planCoverage(actor: Actor | null, round: RoundRow): Promise<S.Coverage> {
    const plans = await shortlistRepository.listRoundPlans(this.db, round.id);
    const entries = await shortlistRepository.listEntries(this.db, round.id);
    const entryOfIdea = new Map(entries.map((e) => [e.idea_id, e.id]));
    const items: S.Coverage['items'] = [];
    let matchingAvailable = true;
    for (const plan of plans) {
      const planItems = await planRepository.listPlanItems(this.db, plan.id);
      const parent = new Map(planItems.map((i) => [i.id, i.parent_id]));
      const priorityOf = (itemId: string) => {
        let current: string | null | undefined = itemId;
        let last = itemId;
        while (current) {
          last = current;
          current = parent.get(current);
        }
        return last;
      };
      const confirmed = new Map<string, Set<string>>();
      for (const row of await shortlistRepository.confirmedEntryMeasures(this.db, round.id, plan.id)) {
        const p = priorityOf(row.measure_id);
        confirmed.set(p, (confirmed.get(p) ?? new Set()).add(row.entry_id));
      }
      const strong = new Map<string, Set<string>>();
      if (plan.status === 'published' && entries.length > 0) {
        try {
          const cov = await this.deps.search.coverage(actor, plan.id);
          for (const p of cov.priorities) {
            for (const o of p.objectives) {
              for (const m of o.measures) {
                for (const idea of m.strongIdeas) {
                  const entryId = entryOfIdea.get(idea.id);
                  if (entryId) strong.set(p.id, (strong.get(p.id) ?? new Set()).add(entryId));
                }
              }
            }
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          matchingAvailable = false;
        }
      }
      for (const p of planItems.filter((i) => i.level === 'priority')) {
        const c = confirmed.get(p.id) ?? new Set<string>();
        const s = [...(strong.get(p.id) ?? [])].filter((e) => !c.has(e));
        items.push({ plan: { id: plan.id, title: plan.title }, priority: { id: p.id, code: p.code, title: p.title }, confirmed: c.size, strong: s.length, entries: c.size + s.length });
      }
    }
    return { items, matchingAvailable };
  }

  private async validateSetup(db: Db, organisationId: string, body: Partial<S.UpdateRoundBody>) {
    if (body.criteria) {
      const sum = body.criteria.reduce((a, c) => a + c.weight, 0);
      if (sum !== 100) throw fieldError(422, 'invalid_weights', '/criteria', `Criteria weights must sum to 100 (now ${sum})`);
      const names = body.criteria.map((c) => c.name.trim().toLocaleLowerCase());
      if (new Set(names).size !== names.length) throw fieldError(422, 'duplicate_criterion', '/criteria', 'Each criterion needs its own name');
    }
    if (body.callStart && body.callEnd && body.callEnd < body.callStart) throw fieldError(422, 'invalid_period', '/callEnd', 'The call ends before it starts');
    for (const key of ['callStart', 'callEnd'] as const) {
      const value = body[key];
      if (value && Number.isNaN(new Date(`${value}T00:00:00Z`).getTime())) throw fieldError(422, 'invalid_date', `/${key}`, 'Not a date');
    }
    if (body.regionCode) {
      const t = this.deps.territories.get(body.regionCode);
      if (!t || t.level !== 'region') throw fieldError(422, 'invalid_region', '/regionCode', 'Pick a region');
    }
    for (const [i, planId] of (body.planIds ?? []).entries()) {
      const plan = await planRepository.findPlan(db, planId);
      if (!plan || plan.organisation_id !== organisationId) throw fieldError(422, 'invalid_plan', `/planIds/${i}`, "Link plans of the council's own");
    }
    for (const [i, userId] of (body.reviewerIds ?? []).entries()) {
      const membership = await membershipRepository.findMembership(db, organisationId, userId);
      if (!policy.reviewShortlist(membership?.role ?? null)) throw fieldError(422, 'invalid_reviewer', `/reviewerIds/${i}`, 'Reviewers must be members of the council');
    }
  }

  private regionOf(code: string): string | null {
    const t = this.deps.territories.get(code);
    if (!t) return null;
    return t.level === 'municipality' ? t.parent_code : t.level === 'region' ? t.code : null;
  }

  private today() {
    return this.deps.clock().toISOString().slice(0, 10);
  }

  private audit(trx: Db, actor: Actor, action: string, id: string, details: Record<string, unknown>) {
    return auditRepository.recordAudit(trx, { actorId: actor.userId, action, subjectType: 'shortlist', subjectId: id, details });
  }
}

function withinCall(round: Pick<RoundRow, 'call_start' | 'call_end'>, today: string) {
  return (!round.call_start || round.call_start <= today) && (!round.call_end || today <= round.call_end);
}

function reviewsOf(scores: ScoreRow[], entryId: string) {
  const byUser = new Map<string, Record<string, number>>();
  for (const s of scores) {
    if (s.entry_id !== entryId) continue;
    byUser.set(s.user_id, { ...(byUser.get(s.user_id) ?? {}), [s.criterion_id]: s.score });
  }
  return [...byUser].map(([userId, map]) => ({ userId, scores: map }));
}

function toSummary(r: RoundRow): S.RoundSummary {
  return {
    id: r.id,
    title: r.title,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    regionCode: r.region_code,
    callStart: r.call_start,
    callEnd: r.call_end,
    status: r.status,
    scale: r.scale,
    blind: r.blind,
    entryCount: r.entry_count,
    publishedAt: r.published_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

const toCriterion = (c: { id: string; name: string; description: string; weight: number }): S.Criterion => ({ id: c.id, name: c.name, description: c.description, weight: c.weight });

function toEntry(e: EntryRow, extra: Pick<S.Entry, 'myReview' | 'myConflict' | 'reviewCount' | 'canRemove'>): S.Entry {
  return {
    id: e.id,
    subjectKind: 'idea',
    idea: { id: e.idea_id, title: e.idea_title, organisation: { id: e.idea_organisation_id, name: e.idea_organisation_name } },
    addedSide: e.added_side,
    decision: e.decision,
    decisionReason: e.decision_reason,
    createdAt: e.created_at.toISOString(),
    ...extra,
  };
}

const cleanCriterion = (c: { name: string; description?: string; weight: number }) => ({ name: c.name.trim(), description: c.description?.trim() ?? '', weight: c.weight });
const unique = <T>(items: T[]) => [...new Set(items)];
