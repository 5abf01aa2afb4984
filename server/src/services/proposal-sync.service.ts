import { proposalRepository, type Db } from '@partnera/db';
import * as Y from 'yjs';
import type { Actor } from '../domain/policy';
import { computeChecks } from '../domain/proposal-checks';
import { readProposalContent } from '../domain/proposal-doc';
import { AppError } from '../errors';
import { UPDATE_MAX_BYTES, type CompletenessCheck, type ProposalContent } from '../schemas/proposals';
import type { ProposalEvents } from './proposal-events';
import { assertCanEditLive, loadProposalAccess } from './proposal-access';
import { RateLimitedError, type MessageRateLimiter } from './rate-limiter';
import { inTransaction } from './transaction';

export interface ProposalSyncDeps {
  db: Db;
  events: ProposalEvents;
  /** Per-user rate of document updates (shared through Redis when configured). */
  limiter: MessageRateLimiter;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Checks are recomputed this long after the last update (typing bursts make one computation). */
  checksDelayMs?: number;
  /** More stored update rows than this are merged into one. */
  compactAfter?: number;
}

/** An update with nothing in it (no structs, no deletions), as Yjs encodes it. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

/**
 * The live document of a proposal: a Yjs document whose updates are stored append-only in PostgreSQL
 * (the database is the source of truth, so every server process sees the same document), relayed to the
 * other editors after they are stored, and compacted now and then.
 */
export class ProposalSyncService {
  private readonly checkTimers = new Map<string, NodeJS.Timeout>();
  private readonly compacting = new Set<string>();
  private closed = false;

  constructor(private readonly deps: ProposalSyncDeps) {}

  private get db() {
    return this.deps.db;
  }

  /** The current document: every stored update merged. */
  async loadDoc(db: Db, proposalId: string): Promise<Y.Doc> {
    const { updates } = await proposalRepository.listDocUpdates(db, proposalId);
    const doc = new Y.Doc();
    if (updates.length > 0) Y.applyUpdate(doc, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
    return doc;
  }

  async loadContent(db: Db, proposalId: string): Promise<ProposalContent> {
    const doc = await this.loadDoc(db, proposalId);
    try {
      return readProposalContent(doc);
    } finally {
      doc.destroy();
    }
  }

  async checksOf(db: Db, proposalId: string, content?: ProposalContent): Promise<CompletenessCheck[]> {
    const [body, partners, proposal] = await Promise.all([
      content ?? this.loadContent(db, proposalId),
      proposalRepository.listPartners(db, proposalId),
      proposalRepository.findProposal(db, proposalId),
    ]);
    return computeChecks(body, {
      leadId: proposal?.lead_organisation_id ?? '',
      acceptedPartnerIds: partners.filter((p) => p.state === 'accepted').map((p) => p.organisation_id),
    });
  }

  /** Whether the actor may open the proposal at all (404 otherwise). */
  async authorizeOpen(actor: Actor, proposalId: string): Promise<void> {
    await loadProposalAccess(this.db, actor, proposalId);
  }

  /**
   * Opening: what the client lacks relative to its state vector, the server's state vector (so the client
   * can send back what the server lacks: offline edits), whether it may edit, and the current checks.
   */
  async open(actor: Actor, proposalId: string, clientStateVector: Uint8Array) {
    const access = await loadProposalAccess(this.db, actor, proposalId);
    const doc = await this.loadDoc(this.db, proposalId);
    try {
      let update: Uint8Array;
      try {
        update = clientStateVector.length === 0 ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(doc, clientStateVector);
      } catch {
        throw new AppError(400, 'invalid_state_vector', 'The state vector could not be read');
      }
      const content = readProposalContent(doc);
      return {
        update,
        stateVector: Y.encodeStateVector(doc),
        canEdit: access.canEdit,
        checks: await this.checksOf(this.db, proposalId, content),
      };
    } finally {
      doc.destroy();
    }
  }

  /** A client's update: partner members only, bounded in size and rate, must decode; stored, then relayed. */
  async applyClientUpdate(actor: Actor, proposalId: string, update: Uint8Array, socketId?: string): Promise<void> {
    if (update.length > UPDATE_MAX_BYTES) {
      throw new AppError(413, 'update_too_large', `One update may hold at most ${UPDATE_MAX_BYTES / 1024} KB; send smaller changes`);
    }
    const wait = await this.deps.limiter.take(`proposal:${actor.userId}`);
    if (wait > 0) throw new RateLimitedError(wait);
    await assertCanEditLive(this.db, actor, proposalId);
    assertDecodes(update);
    if (isEmptyUpdate(update)) return;
    const rows = await proposalRepository.appendDocUpdate(this.db, proposalId, update, actor.userId);
    this.deps.events.update(proposalId, update, actor.userId, socketId);
    this.scheduleChecks(proposalId);
    if (rows > (this.deps.compactAfter ?? 200)) this.compactSoon(proposalId);
  }

  /**
   * A change made by the server (restoring a version) inside the caller's transaction; returns what to
   * run after commit (relay and checks).
   */
  async storeServerUpdate(trx: Db, proposalId: string, update: Uint8Array, userId: string | null): Promise<() => void> {
    if (isEmptyUpdate(update)) return () => {};
    await proposalRepository.appendDocUpdate(trx, proposalId, update, userId);
    return () => {
      this.deps.events.update(proposalId, update, userId);
      this.scheduleChecks(proposalId);
    };
  }

  /** Recomputes and announces the checks soon (after edits, or meta and partner changes). */
  scheduleChecks(proposalId: string, delayMs = this.deps.checksDelayMs ?? 300): void {
    if (this.closed) return;
    const pending = this.checkTimers.get(proposalId);
    if (pending) clearTimeout(pending);
    this.checkTimers.set(
      proposalId,
      setTimeout(() => {
        this.checkTimers.delete(proposalId);
        this.publishChecks(proposalId).catch((error: unknown) => this.deps.log.error({ err: error, proposalId }, 'proposal checks failed'));
      }, delayMs),
    );
  }

  private async publishChecks(proposalId: string): Promise<void> {
    if (this.closed) return;
    const checks = await this.checksOf(this.db, proposalId);
    await proposalRepository.touchProposal(this.db, proposalId);
    if (!this.closed) this.deps.events.checks(proposalId, checks);
  }

  private compactSoon(proposalId: string): void {
    if (this.compacting.has(proposalId) || this.closed) return;
    this.compacting.add(proposalId);
    this.compact(proposalId)
      .catch((error: unknown) => this.deps.log.warn({ err: error, proposalId }, 'proposal compaction failed (will retry later)'))
      .finally(() => this.compacting.delete(proposalId));
  }

  /**
   * Merges the stored updates into one row, under the proposal's row lock so two processes never compact
   * at once. Updates appended meanwhile get higher ids and are left alone.
   */
  async compact(proposalId: string): Promise<{ before: number; after: number }> {
    return inTransaction(this.db, async (trx) => {
      if (!(await proposalRepository.lockProposal(trx, proposalId))) return { before: 0, after: 0 };
      const { updates, lastId } = await proposalRepository.listDocUpdates(trx, proposalId);
      if (updates.length <= 1 || lastId === null) return { before: updates.length, after: updates.length };
      await proposalRepository.replaceDocUpdates(trx, proposalId, lastId, Y.mergeUpdates(updates));
      return { before: updates.length, after: await proposalRepository.countDocUpdates(trx, proposalId) };
    });
  }

  close(): void {
    this.closed = true;
    for (const timer of this.checkTimers.values()) clearTimeout(timer);
    this.checkTimers.clear();
  }
}

/** Applies the update to a scratch document: bytes that are not a Yjs update are refused before storing. */
export function assertDecodes(update: Uint8Array): void {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
  } catch {
    throw new AppError(400, 'invalid_update', 'The update is not a valid Yjs update');
  } finally {
    scratch.destroy();
  }
}

/** The change that turns `doc` into the result of `edit`, as one update. */
export function updateFromEdit(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}
