import {
  forumRepository,
  ideaRepository,
  moderationRepository,
  newsRepository,
  roomMessageRepository,
  searchOutboxRepository,
  userRepository,
  type Db,
  type ModerationAction,
  type ModerationActionRow,
  type NotificationInput,
} from '@partnera/db';
import { policy, type Actor, type ModerationActionKind, type ModerationRole } from '../domain/policy';
import { AppError, fieldError, forbidden, notFound } from '../errors';
import * as S from '../schemas/moderation';
import type { ForumService } from './forum.service';
import type { IdeaService } from './idea.service';
import type { NotificationService } from './notification.service';
import { excerpt } from './room-dto';
import type { RoomMessageService } from './room-message.service';
import { inTransaction } from './transaction';

export interface ModerationServiceDeps {
  db: Db;
  forums: ForumService;
  roomMessages: RoomMessageService;
  notifications: NotificationService;
  /** Reporters must be able to see what they report (an idea draft or a members-only room is not theirs to flag). */
  ideas: Pick<IdeaService, 'get'>;
  /** Distinct reporters that hide content automatically. */
  autoHideReports: number;
  clock: () => Date;
}

/** What a report or action is about: its author, category (forum posts) and whether it is hidden now. */
interface Target {
  kind: S.ReportTargetKind;
  id: string;
  authorId: string | null;
  categoryId: string | null;
  threadId: string | null;
  roomId: string | null;
  hidden: boolean;
  text: string;
}

/** Reports, the review queue, moderators' actions, the moderation log, appeals and suspensions. */
export class ModerationService {
  constructor(private readonly deps: ModerationServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  private async target(kind: S.ReportTargetKind, id: string): Promise<Target> {
    if (kind === 'forum_post') {
      const ctx = await forumRepository.findPostContext(this.db, id);
      if (!ctx || ctx.post.deleted_at) throw notFound('Post');
      return { kind, id, authorId: ctx.post.author_id, categoryId: ctx.category.id, threadId: ctx.thread.id, roomId: null, hidden: ctx.post.hidden_at !== null, text: ctx.post.body };
    }
    if (kind === 'room_message') {
      const row = await roomMessageRepository.findMessage(this.db, id);
      if (!row || row.deleted_at) throw notFound('Message');
      return { kind, id, authorId: row.sender_id, categoryId: null, threadId: null, roomId: row.room_id, hidden: row.hidden_at !== null, text: row.body };
    }
    if (kind === 'news') {
      const post = await newsRepository.findNews(this.db, id);
      // Drafts are not public: nobody outside reports them.
      if (!post || post.status !== 'published') throw notFound('News post');
      return { kind, id, authorId: post.author_id, categoryId: null, threadId: null, roomId: null, hidden: post.hidden_at !== null, text: post.title };
    }
    const idea = await ideaRepository.findIdea(this.db, id);
    if (!idea) throw notFound('Idea');
    return { kind, id, authorId: idea.created_by, categoryId: null, threadId: null, roomId: null, hidden: false, text: idea.title };
  }

  private async roleFor(actor: Actor, categoryId: string | null): Promise<ModerationRole> {
    return this.deps.forums.roleIn(actor, categoryId);
  }

  private async assertMay(actor: Actor, categoryId: string | null, action: ModerationActionKind): Promise<ModerationRole> {
    const role = await this.roleFor(actor, categoryId);
    if (!policy.moderate(role, action)) throw forbidden(`Your role (${role.replace('_', ' ')}) may not ${action.replace('_', ' ')} here`);
    return role;
  }

  /** Category ids the actor's queue and log are limited to; null for platform staff (everything). */
  private async scopeOf(actor: Actor): Promise<string[] | null> {
    if (policy.isModerator(actor)) return null;
    const ids = await forumRepository.moderatedCategoryIds(this.db, actor.userId);
    if (ids.length === 0) throw forbidden('Only moderators see the review queue and the moderation log');
    return ids;
  }

  async me(actor: Actor): Promise<S.ModerationMe> {
    const categoryIds = await forumRepository.moderatedCategoryIds(this.db, actor.userId);
    const suspension = await moderationRepository.activeSuspension(this.db, actor.userId, this.deps.clock());
    return {
      role: policy.moderationRole(actor, categoryIds.length > 0),
      categoryIds,
      suspended: suspension !== undefined,
      suspendedUntil: suspension?.ends_at?.toISOString() ?? null,
    };
  }

  /** Anyone signed in reports content; once enough different people did, it hides until reviewed. */
  async report(actor: Actor, body: S.ReportBody): Promise<S.ReportResult> {
    const target = await this.target(body.targetKind, body.targetId);
    await this.assertCanSee(actor, target);
    const { report, created } = await moderationRepository.insertReport(this.db, {
      targetKind: body.targetKind,
      targetId: body.targetId,
      reporterId: actor.userId,
      reasonCode: body.reasonCode,
      reasonText: body.reasonText?.trim() ?? '',
    });
    let autoHidden = false;
    if (created && !target.hidden && body.targetKind !== 'idea') {
      const reporters = await moderationRepository.openReporterCount(this.db, body.targetKind, body.targetId);
      if (reporters >= this.deps.autoHideReports) {
        await this.hide(null, target, `Hidden automatically after reports by ${reporters} people, pending review`, 'auto_hide');
        autoHidden = true;
      }
    }
    return { id: report.id, targetKind: report.target_kind, targetId: report.target_id, status: report.status, createdAt: report.created_at.toISOString(), autoHidden };
  }

  private async assertCanSee(actor: Actor, target: Target): Promise<void> {
    try {
      if (target.kind === 'room_message') await this.deps.roomMessages.authorizeWatch(actor, target.roomId!);
      else if (target.kind === 'idea') await this.deps.ideas.get(actor, target.id);
    } catch (error) {
      // Someone who cannot see the content learns nothing about it.
      if (error instanceof AppError && (error.status === 403 || error.status === 404)) throw notFound(target.kind === 'idea' ? 'Idea' : 'Message');
      throw error;
    }
  }

  async queue(actor: Actor): Promise<S.Queue> {
    const scope = await this.scopeOf(actor);
    const rows = await moderationRepository.reviewQueue(this.db, scope, 200);
    return {
      items: rows.map((r) => ({
        targetKind: r.target_kind,
        targetId: r.target_id,
        reportCount: r.report_count,
        firstReportedAt: new Date(r.first_reported_at).toISOString(),
        reasons: r.reasons,
        categoryId: r.category_id,
        threadId: r.thread_id,
        link: r.target_kind === 'forum_post' && r.thread_id ? `/forums/threads/${r.thread_id}#post-${r.target_id}` : r.target_kind === 'idea' ? `/ideas/${r.target_id}` : r.target_kind === 'news' ? `/news/${r.target_id}` : null,
        authorId: r.author_id,
        authorName: r.author_name,
        excerpt: r.body ? excerpt(r.body) : '',
        hidden: r.hidden,
      })),
    };
  }

  /** Hides a post or message, closes its reports, logs it and tells the author why (in one transaction). */
  private async hide(actor: Actor | null, target: Target, reason: string, action: 'hide' | 'auto_hide'): Promise<ModerationAction> {
    const now = this.deps.clock();
    const logged = await inTransaction(this.db, async (trx, afterCommit) => {
      if (target.kind === 'forum_post') {
        await forumRepository.updatePost(trx, target.id, { hidden_at: now, hidden_by: actor?.userId ?? null, hidden_reason: reason });
        await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', target.id);
      }
      if (target.kind === 'news') {
        await newsRepository.setNewsHidden(trx, target.id, { at: now, by: actor?.userId ?? null, reason });
        await searchOutboxRepository.enqueueSearchSync(trx, 'news', target.id);
      }
      // Automatic hiding keeps the reports open: a moderator still reviews the content.
      if (action === 'hide') await moderationRepository.closeReports(trx, target.kind, target.id, 'resolved', actor?.userId ?? null, now);
      const entry = await this.record(trx, actor, action, target, reason);
      afterCommit(await this.tellAuthor(trx, target, 'moderation.hidden', reason, entry.id));
      return entry;
    });
    if (target.kind === 'room_message') await this.deps.roomMessages.setHiddenBySystem(target.id, true, actor?.userId ?? null);
    if (target.threadId) this.deps.forums.events.postUpdated(target.threadId, target.id);
    return logged;
  }

  private record(trx: Db, actor: Actor | null, action: string, target: { kind: string; id: string; authorId: string | null; categoryId: string | null }, reason: string, details: Record<string, unknown> = {}) {
    return moderationRepository.recordAction(trx, {
      actorId: actor?.userId ?? null,
      action,
      targetKind: target.kind,
      targetId: target.id,
      targetUserId: target.authorId,
      categoryId: target.categoryId,
      reason,
      details,
    });
  }

  private async tellAuthor(trx: Db, target: Target, kind: string, reason: string, actionId: string): Promise<() => void> {
    if (!target.authorId) return () => {};
    const link = target.threadId ? `/forums/threads/${target.threadId}#post-${target.id}` : target.roomId ? `/rooms/${target.roomId}` : target.kind === 'news' ? `/news/${target.id}` : `/ideas/${target.id}`;
    const notice: NotificationInput = { userId: target.authorId, kind, data: { targetKind: target.kind, targetId: target.id, reason, actionId, excerpt: excerpt(target.text) }, link };
    return this.deps.notifications.notify(trx, [notice]);
  }

  async actOnContent(actor: Actor, kind: S.ReportTargetKind, id: string, body: S.ContentActionBody): Promise<S.ModerationLogEntry> {
    const target = await this.target(kind, id);
    // Category moderators act on forum posts of their categories; everything else is for platform staff.
    await this.assertMay(actor, target.categoryId, body.action);
    const reason = body.reason.trim();
    if (!reason) throw fieldError(422, 'reason_required', '/reason', 'Say why');
    const now = this.deps.clock();
    if (kind === 'idea' && body.action !== 'dismiss') {
      throw new AppError(422, 'action_not_supported', 'Ideas are moderated by dismissing reports or acting on their author');
    }
    if (kind === 'news' && body.action === 'delete') {
      throw new AppError(422, 'action_not_supported', 'Moderators hide news posts; their organisation deletes them');
    }
    let entry: ModerationAction;
    switch (body.action) {
      case 'hide':
        // Hiding again confirms an automatic hiding (with the moderator's reason) while reports are open.
        if (target.hidden && (await moderationRepository.openReporterCount(this.db, kind, id)) === 0) {
          throw new AppError(409, 'already_hidden', 'This is hidden already');
        }
        entry = await this.hide(actor, target, reason, 'hide');
        break;
      case 'unhide':
        if (!target.hidden) throw new AppError(409, 'not_hidden', 'This is not hidden');
        entry = await this.unhide(actor, target, reason, 'unhide');
        break;
      case 'edit': {
        if (kind !== 'forum_post') throw new AppError(422, 'action_not_supported', 'Only forum posts are edited by moderators');
        const text = body.body?.trim();
        if (!text) throw fieldError(422, 'body_required', '/body', 'Give the edited text');
        entry = await inTransaction(this.db, async (trx, afterCommit) => {
          await forumRepository.updatePost(trx, id, { body: text, edited_at: now, edit_reason: reason });
          await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', id);
          await moderationRepository.closeReports(trx, kind, id, 'resolved', actor.userId, now);
          const logged = await this.record(trx, actor, 'edit', target, reason);
          afterCommit(await this.tellAuthor(trx, target, 'moderation.edited', reason, logged.id));
          return logged;
        });
        break;
      }
      case 'delete':
        entry = await inTransaction(this.db, async (trx, afterCommit) => {
          if (kind === 'forum_post') {
            await forumRepository.updatePost(trx, id, { deleted_at: now, body: '', mentions: [] });
            await forumRepository.recountThread(trx, target.threadId!);
            await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', id);
          } else {
            await roomMessageRepository.updateMessage(trx, target.roomId!, id, { deleted_at: now, body: '', mentions: [] });
          }
          await moderationRepository.closeReports(trx, kind, id, 'resolved', actor.userId, now);
          const logged = await this.record(trx, actor, 'delete', target, reason, { excerpt: excerpt(target.text) });
          afterCommit(await this.tellAuthor(trx, target, 'moderation.deleted', reason, logged.id));
          return logged;
        });
        break;
      case 'dismiss':
        entry = await inTransaction(this.db, async (trx) => {
          const closed = await moderationRepository.closeReports(trx, kind, id, 'dismissed', actor.userId, now);
          if (closed === 0) throw new AppError(409, 'no_open_reports', 'There are no open reports on this');
          return this.record(trx, actor, 'dismiss', target, reason, { reports: closed });
        });
        // Dismissing the reports on automatically hidden content shows it again.
        if (target.hidden && kind !== 'idea') await this.unhide(actor, target, reason, 'unhide');
        break;
    }
    if (target.threadId && body.action !== 'dismiss') this.deps.forums.events.postUpdated(target.threadId, id);
    return this.entryDto(entry!);
  }

  private async unhide(actor: Actor | null, target: Target, reason: string, action: string): Promise<ModerationAction> {
    const entry = await inTransaction(this.db, async (trx) => {
      if (target.kind === 'forum_post') {
        await forumRepository.updatePost(trx, target.id, { hidden_at: null, hidden_by: null, hidden_reason: null });
        await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', target.id);
      }
      if (target.kind === 'news') {
        await newsRepository.setNewsHidden(trx, target.id, null);
        await searchOutboxRepository.enqueueSearchSync(trx, 'news', target.id);
      }
      return this.record(trx, actor, action, target, reason);
    });
    if (target.kind === 'room_message') await this.deps.roomMessages.setHiddenBySystem(target.id, false, null);
    if (target.threadId) this.deps.forums.events.postUpdated(target.threadId, target.id);
    return entry;
  }

  async actOnThread(actor: Actor, threadId: string, body: S.ThreadActionBody): Promise<S.ModerationLogEntry> {
    const thread = await forumRepository.findThread(this.db, threadId);
    if (!thread) throw notFound('Thread');
    await this.assertMay(actor, thread.category_id, body.action);
    const reason = body.reason?.trim() ?? '';
    const target = { kind: 'forum_thread', id: threadId, authorId: thread.author_id, categoryId: thread.category_id };
    // The destination is checked before the transaction (the embedded database has one connection).
    let into: Awaited<ReturnType<typeof forumRepository.findThread>>;
    if (body.action === 'move') {
      if (!body.categoryId) throw fieldError(422, 'category_required', '/categoryId', 'Choose the category to move the thread to');
      if (!(await forumRepository.findCategory(this.db, { id: body.categoryId }))) throw fieldError(422, 'invalid_category', '/categoryId', 'No such category');
      // Moving needs the right in the destination too.
      await this.assertMay(actor, body.categoryId, 'move');
    } else if (body.action === 'merge') {
      if (!body.intoThreadId || body.intoThreadId === threadId) throw fieldError(422, 'thread_required', '/intoThreadId', 'Choose another thread to merge into');
      into = await forumRepository.findThread(this.db, body.intoThreadId);
      if (!into || into.merged_into) throw fieldError(422, 'invalid_thread', '/intoThreadId', 'No such thread');
      await this.assertMay(actor, into.category_id, 'merge');
    }
    const entry = await inTransaction(this.db, async (trx) => {
      switch (body.action) {
        case 'lock':
        case 'unlock':
          await forumRepository.updateThread(trx, threadId, { locked: body.action === 'lock' });
          break;
        case 'pin':
        case 'unpin':
          await forumRepository.updateThread(trx, threadId, { pinned: body.action === 'pin' });
          break;
        case 'move': {
          await forumRepository.updateThread(trx, threadId, { category_id: body.categoryId! });
          for (const id of await forumRepository.postIdsOfThread(trx, threadId)) await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', id);
          return this.record(trx, actor, 'move', target, reason, { from: thread.category_id, to: body.categoryId });
        }
        case 'merge': {
          if (!into) throw notFound('Thread');
          const moved = await forumRepository.postIdsOfThread(trx, threadId);
          await forumRepository.mergeThreads(trx, threadId, into.id);
          for (const id of moved) await searchOutboxRepository.enqueueSearchSync(trx, 'forum_post', id);
          return this.record(trx, actor, 'merge', target, reason, { into: into.id });
        }
      }
      return this.record(trx, actor, body.action, target, reason);
    });
    this.deps.forums.events.threadUpdated(threadId);
    return this.entryDto(entry);
  }

  async actOnUser(actor: Actor, userId: string, body: S.UserActionBody): Promise<S.ModerationLogEntry> {
    const user = await userRepository.findUserById(this.db, userId);
    if (!user) throw notFound('User');
    if (userId === actor.userId) throw new AppError(422, 'cannot_act_on_self', 'You cannot act on your own account');
    const categoryId = body.action === 'warn' ? (body.categoryId ?? null) : null;
    const role = await this.assertMay(actor, categoryId, body.action);
    if (body.action !== 'warn' && !policy.suspendUser(role, user.platform_role)) throw forbidden('Only an admin suspends or bans moderators and admins');
    const reason = body.reason.trim();
    const now = this.deps.clock();
    let until: Date | null = null;
    if (body.action === 'suspend') {
      until = body.until ? new Date(body.until) : null;
      if (!until || Number.isNaN(until.getTime()) || until <= now) throw fieldError(422, 'invalid_until', '/until', 'A suspension ends at a future date');
    }
    const target = { kind: 'user', id: userId, authorId: userId, categoryId };
    const entry = await inTransaction(this.db, async (trx, afterCommit) => {
      if (body.action === 'suspend' || body.action === 'ban') {
        await moderationRepository.liftSuspensions(trx, userId, now);
        await moderationRepository.insertSuspension(trx, { userId, reason, endsAt: until, createdBy: actor.userId });
      } else if (body.action === 'lift') {
        if ((await moderationRepository.liftSuspensions(trx, userId, now)) === 0) throw new AppError(409, 'not_suspended', 'This account is not suspended');
      }
      const logged = await this.record(trx, actor, body.action, target, reason, until ? { until: until.toISOString() } : {});
      const kind = body.action === 'warn' ? 'moderation.warned' : body.action === 'lift' ? 'moderation.lifted' : 'moderation.suspended';
      afterCommit(await this.deps.notifications.notify(trx, [{ userId, kind, data: { reason, until: until?.toISOString() ?? null, banned: body.action === 'ban', actionId: logged.id }, link: '/moderation/notices' }]));
      return logged;
    });
    return this.entryDto(entry);
  }

  async log(actor: Actor, limit: number, cursor?: string, targetId?: string): Promise<S.ModerationLogPage> {
    const scope = await this.scopeOf(actor);
    const page = await moderationRepository.listActions(this.db, { categoryIds: scope, targetId }, limit, cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    return { items: page.items.map((a) => this.entryDto(a)), nextCursor: page.nextCursor };
  }

  private entryDto(a: ModerationAction & Partial<Pick<ModerationActionRow, 'actor_name' | 'target_user_name'>>): S.ModerationLogEntry {
    return {
      id: a.id,
      actorId: a.actor_id,
      actorName: a.actor_name ?? null,
      action: a.action,
      targetKind: a.target_kind,
      targetId: a.target_id,
      targetUserId: a.target_user_id,
      targetUserName: a.target_user_name ?? null,
      categoryId: a.category_id,
      reason: a.reason,
      createdAt: a.created_at.toISOString(),
    };
  }

  /** Public: how much moderation a category saw, by kind, without names. */
  async summary(slug: string): Promise<S.CategorySummary> {
    const category = await forumRepository.findCategory(this.db, { slug });
    if (!category) throw notFound('Forum category');
    return { categoryId: category.id, actions: await moderationRepository.categorySummary(this.db, category.id) };
  }

  /** The person an action was about appeals it, once. */
  async appeal(actor: Actor, actionId: string, text: string): Promise<S.Appeal> {
    const action = await moderationRepository.findAction(this.db, actionId);
    if (!action || action.target_user_id !== actor.userId) throw notFound('Moderation action');
    if (!['hide', 'auto_hide', 'edit', 'delete', 'warn', 'suspend', 'ban'].includes(action.action)) {
      throw new AppError(422, 'not_appealable', 'This action cannot be appealed');
    }
    const appeal = await moderationRepository.insertAppeal(this.db, { actionId, userId: actor.userId, text: text.trim() });
    if (!appeal) throw new AppError(409, 'already_appealed', 'You have already appealed this decision; an appeal is possible once');
    return this.appealDto((await moderationRepository.findAppeal(this.db, appeal.id))!);
  }

  async appeals(actor: Actor, mine: boolean): Promise<S.Appeal[]> {
    if (mine) return (await moderationRepository.listAppeals(this.db, { userId: actor.userId, categoryIds: null }, 200)).map((a) => this.appealDto(a));
    await this.assertMay(actor, null, 'resolve_appeal');
    return (await moderationRepository.listAppeals(this.db, { status: 'open', categoryIds: null }, 200)).map((a) => this.appealDto(a));
  }

  /** Uphold keeps the decision; reverse undoes it (hidden content shows again, a suspension ends). */
  async resolveAppeal(actor: Actor, appealId: string, body: S.ResolveAppealBody): Promise<S.Appeal> {
    await this.assertMay(actor, null, 'resolve_appeal');
    const appeal = await moderationRepository.findAppeal(this.db, appealId);
    if (!appeal) throw notFound('Appeal');
    const note = body.note?.trim() ?? '';
    const now = this.deps.clock();
    const status = body.decision === 'uphold' ? 'upheld' : 'reversed';
    const resolved = await inTransaction(this.db, async (trx, afterCommit) => {
      const done = await moderationRepository.resolveAppeal(trx, appealId, status, actor.userId, note, now);
      if (!done) throw new AppError(409, 'appeal_resolved', 'This appeal was already resolved');
      if (status === 'reversed' && (appeal.action === 'suspend' || appeal.action === 'ban') && appeal.user_id) {
        await moderationRepository.liftSuspensions(trx, appeal.user_id, now);
      }
      await this.record(trx, actor, status === 'upheld' ? 'appeal_upheld' : 'appeal_reversed', { kind: appeal.target_kind, id: appeal.target_id, authorId: appeal.user_id, categoryId: appeal.category_id }, note, { appealId, actionId: appeal.action_id });
      if (appeal.user_id) {
        afterCommit(await this.deps.notifications.notify(trx, [{ userId: appeal.user_id, kind: 'moderation.appeal_resolved', data: { decision: status, note, action: appeal.action }, link: '/moderation/notices' }]));
      }
      return done;
    });
    if (status === 'reversed' && (appeal.action === 'hide' || appeal.action === 'auto_hide') && (appeal.target_kind === 'forum_post' || appeal.target_kind === 'room_message' || appeal.target_kind === 'news')) {
      const target = await this.target(appeal.target_kind, appeal.target_id).catch(() => null);
      if (target?.hidden) await this.unhide(actor, target, note || 'Appeal upheld: hiding reversed', 'unhide');
    }
    return this.appealDto((await moderationRepository.findAppeal(this.db, resolved.id))!);
  }

  private appealDto(a: Awaited<ReturnType<typeof moderationRepository.findAppeal>> & object): S.Appeal {
    return {
      id: a.id,
      actionId: a.action_id,
      action: a.action,
      actionReason: a.action_reason,
      targetKind: a.target_kind,
      targetId: a.target_id,
      userId: a.user_id,
      userName: a.user_name,
      text: a.text,
      status: a.status,
      resolutionNote: a.resolution_note,
      createdAt: a.created_at.toISOString(),
      resolvedAt: a.resolved_at?.toISOString() ?? null,
    };
  }

  async suspensions(actor: Actor): Promise<S.Suspension[]> {
    await this.assertMay(actor, null, 'lift');
    const rows = await moderationRepository.listActiveSuspensions(this.db, this.deps.clock(), 200);
    return rows.map((r) => ({ id: r.id, userId: r.user_id, userName: r.user_name, reason: r.reason, endsAt: r.ends_at?.toISOString() ?? null, createdAt: r.created_at.toISOString() }));
  }

  /** Moderation decisions about the actor (to see why and appeal). */
  async myNotices(actor: Actor): Promise<S.ModerationLogEntry[]> {
    const rows = await moderationRepository.listActionsAbout(this.db, actor.userId, 100);
    return rows.map((r) => this.entryDto(r));
  }
}
