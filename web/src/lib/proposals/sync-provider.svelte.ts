import type { CompletenessCheck, ProposalEditor } from '@partnera/server/api-types';
import * as Y from 'yjs';
import { onConnection, realtime, request, type RoomSocket } from '../realtime/socket.svelte';
import type { UnsentStore } from './unsent-store';

export type SyncStatus = 'connecting' | 'synced' | 'offline';

export interface CursorReport {
  section: string | null;
  field?: string;
  index?: number;
  length?: number;
}

/** An encoded update with no structs and an empty delete set is two zero bytes. */
const isEmptyUpdate = (u: Uint8Array) => u.length <= 2;
/** Refusals that resending the same change cannot fix. */
const FINAL_REFUSALS = new Set(['forbidden', 'not_found', 'update_too_large', 'validation_failed']);
/**
 * Keystrokes are sent together, at most one update this often: the connection's flood guard counts every
 * socket event. Moving to another section or field is told at once; caret moves within a field at most
 * once per CARET_EVERY_MS.
 */
const UPDATE_BATCH_MS = 150;
const CURSOR_SOON_MS = 100;
const CARET_EVERY_MS = 1_000;
/** After a failed send, the state vectors are exchanged again after this long. */
const RESYNC_DELAY_MS = 1_500;
const KEEP_EVERY_MS = 500;

/**
 * Keeps one proposal's Y.Doc in sync with the server over the tab's socket.io connection. On every
 * (re)connection it exchanges state vectors (`proposal:open`), so whatever was typed offline, or whatever
 * a lost ack left unsent, is merged then; while synced, local changes go out as `proposal:update`, one
 * request in flight at a time with later changes merged behind it.
 */
export class ProposalSync {
  status = $state<SyncStatus>('connecting');
  editors = $state<ProposalEditor[]>([]);
  checks = $state<CompletenessCheck[]>([]);
  canEdit = $state(false);
  /** Set once the first state exchange succeeded (the document is then complete). */
  loaded = $state(false);
  /** A refusal of the whole document (not_found, forbidden). */
  error = $state<{ code: string; detail: string } | null>(null);
  /** A refused update (e.g. update_too_large); cleared by the next accepted one. */
  updateError = $state<{ code: string; detail: string } | null>(null);

  private pending: Uint8Array[] = [];
  /** The update awaiting the server's answer, if any (still unconfirmed, so still kept). */
  private inFlight: Uint8Array | null = null;
  private stopConnection: (() => void) | null = null;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  private lastCursor: CursorReport = { section: null };
  private sentCursor: CursorReport = { section: null };
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private keepTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSentAt = 0;
  private cursorSentAt = 0;
  private openSeq = 0;
  private stopped = false;

  constructor(
    readonly proposalId: string,
    readonly doc: Y.Doc,
    private readonly hooks: { onMeta?: () => void; unsent?: UnsentStore } = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.restoreUnsent();
    this.doc.on('update', this.onLocalUpdate);
    window.addEventListener('pagehide', this.keepUnsent);
    this.stopConnection = onConnection((s) => this.attach(s));
    if (!realtime.socket) this.status = 'offline';
  }

  stop(): void {
    this.stopped = true;
    this.keepUnsent();
    window.removeEventListener('pagehide', this.keepUnsent);
    this.doc.off('update', this.onLocalUpdate);
    this.stopConnection?.();
    this.stopConnection = null;
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.cursorTimer = null;
    this.batchTimer = null;
    if (realtime.socket?.connected) realtime.socket.emit('proposal:close', { proposalId: this.proposalId });
  }

  /** Tells the others which section (and where in which field) this user is editing; null when leaving. */
  reportCursor(cursor: CursorReport): void {
    const previous = this.lastCursor;
    const moved = cursor.section !== this.sentCursor.section || cursor.field !== this.sentCursor.field;
    this.lastCursor = cursor;
    if (this.cursorTimer) {
      // Already scheduled for this place: the pending send picks up the newest caret.
      if (cursor.section === previous.section && cursor.field === previous.field) return;
      clearTimeout(this.cursorTimer);
    }
    const wait = moved ? CURSOR_SOON_MS : Math.max(CURSOR_SOON_MS, this.cursorSentAt + CARET_EVERY_MS - Date.now());
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      this.sendCursor();
    }, wait);
  }

  private sendCursor(): void {
    const s = realtime.socket;
    if (!s?.connected || this.status !== 'synced') return;
    const c = this.lastCursor;
    const same = (a: CursorReport, b: CursorReport) => a.section === b.section && a.field === b.field && a.index === b.index && a.length === b.length;
    if (same(c, this.sentCursor) && this.cursorSentAt > 0) return;
    this.cursorSentAt = Date.now();
    this.sentCursor = c;
    s.emit('proposal:cursor', { proposalId: this.proposalId, ...c });
  }

  private attach(s: RoomSocket): () => void {
    const mine = (x: { proposalId: string }) => x.proposalId === this.proposalId;
    const onUpdate = (m: { proposalId: string; update: Uint8Array }) => {
      if (!mine(m)) return;
      Y.applyUpdate(this.doc, new Uint8Array(m.update), this);
      // An update that depends on one this client missed waits inside Yjs; a fresh exchange fills the gap.
      if (this.doc.store.pendingStructs || this.doc.store.pendingDs) this.scheduleResync();
    };
    const onEditors = (m: { proposalId: string; editors: ProposalEditor[] }) => {
      if (mine(m)) this.editors = m.editors;
    };
    const onChecks = (m: { proposalId: string; checks: CompletenessCheck[] }) => {
      if (mine(m)) this.checks = m.checks;
    };
    const onMeta = (m: { proposalId: string }) => {
      if (mine(m)) this.hooks.onMeta?.();
    };
    const onConnect = () => void this.open();
    const onDisconnect = () => {
      this.status = 'offline';
      this.requeueInFlight();
    };
    s.on('proposal:update', onUpdate);
    s.on('proposal:editors', onEditors);
    s.on('proposal:checks', onChecks);
    s.on('proposal:meta', onMeta);
    s.on('connect', onConnect);
    s.on('disconnect', onDisconnect);
    if (s.connected) void this.open();
    else this.status = 'connecting';
    return () => {
      s.off('proposal:update', onUpdate);
      s.off('proposal:editors', onEditors);
      s.off('proposal:checks', onChecks);
      s.off('proposal:meta', onMeta);
      s.off('connect', onConnect);
      s.off('disconnect', onDisconnect);
    };
  }

  /** The state-vector exchange: take what the server has that we lack, then send what it lacks. */
  private async open(): Promise<void> {
    const seq = ++this.openSeq;
    this.status = 'connecting';
    let answer;
    try {
      answer = await request('proposal:open', { proposalId: this.proposalId, stateVector: Y.encodeStateVector(this.doc) });
    } catch {
      // Lost ack or dropped connection: the next connect (or the retry) exchanges again.
      if (seq === this.openSeq && !this.stopped && realtime.socket?.connected) this.scheduleResync();
      return;
    }
    if (seq !== this.openSeq || this.stopped) return;
    if (!answer.ok) {
      this.error = { code: answer.code, detail: answer.detail };
      this.status = 'offline';
      return;
    }
    this.error = null;
    Y.applyUpdate(this.doc, new Uint8Array(answer.update), this);
    this.canEdit = answer.canEdit;
    this.checks = answer.checks;
    this.editors = answer.editors;
    this.loaded = true;
    this.status = 'synced';
    // Everything queued so far is covered by the difference against the server's state vector.
    this.pending = [];
    this.inFlight = null;
    if (this.canEdit) {
      const missing = Y.encodeStateAsUpdate(this.doc, new Uint8Array(answer.stateVector));
      if (!isEmptyUpdate(missing)) this.pending.push(missing);
      void this.flush();
    }
    this.keepUnsent();
    this.sentCursor = { section: null };
    this.cursorSentAt = 0;
    if (this.lastCursor.section !== null) this.sendCursor();
  }

  private onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || !this.canEdit) return;
    this.pending.push(update);
    this.scheduleKeep();
    this.scheduleFlush();
  };

  /** Applies what an earlier visit typed but never got confirmed; the next state exchange sends it. */
  private restoreUnsent(): void {
    const kept = this.hooks.unsent?.load();
    if (!kept) return;
    try {
      Y.applyUpdate(this.doc, kept, this);
    } catch {
      this.hooks.unsent?.save(null);
    }
  }

  /** Writes every unconfirmed change to the browser's storage (or clears it when all are confirmed). */
  private keepUnsent = (): void => {
    if (!this.hooks.unsent) return;
    if (this.keepTimer) clearTimeout(this.keepTimer);
    this.keepTimer = null;
    const parts = this.inFlight ? [this.inFlight, ...this.pending] : this.pending;
    this.hooks.unsent.save(parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  };

  /** Typing writes the store at most this often; leaving the page writes it at once. */
  private scheduleKeep(): void {
    if (this.hooks.unsent && !this.keepTimer) this.keepTimer = setTimeout(this.keepUnsent, KEEP_EVERY_MS);
  }

  /** An update whose answer will never come goes back in front of the queue. */
  private requeueInFlight(): void {
    if (this.inFlight) this.pending.unshift(this.inFlight);
    this.inFlight = null;
  }

  /** Sends the pending changes after a short pause, so a burst of keystrokes goes out as one update. */
  private scheduleFlush(): void {
    if (this.batchTimer) return;
    const wait = Math.max(0, this.lastSentAt + UPDATE_BATCH_MS - Date.now());
    this.batchTimer = setTimeout(() => {
      this.batchTimer = null;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.status !== 'synced' || this.pending.length === 0) return;
    const update = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.inFlight = update;
    this.lastSentAt = Date.now();
    const seq = this.openSeq;
    try {
      const answer = await request('proposal:update', { proposalId: this.proposalId, update });
      if (seq !== this.openSeq) return;
      if (answer.ok) {
        this.inFlight = null;
        this.updateError = null;
      } else {
        this.updateError = { code: answer.code, detail: answer.detail };
        if (answer.code === 'forbidden') this.canEdit = false;
        // A final refusal stays refused (and is dropped); anything else is retried through a fresh exchange.
        if (FINAL_REFUSALS.has(answer.code)) this.inFlight = null;
        else {
          this.requeueInFlight();
          this.scheduleResync();
        }
      }
    } catch {
      if (seq !== this.openSeq) return;
      this.requeueInFlight();
      this.scheduleResync();
      return;
    } finally {
      if (seq === this.openSeq) this.keepUnsent();
    }
    if (this.pending.length) this.scheduleFlush();
  }

  private scheduleResync(): void {
    if (this.resyncTimer || this.stopped) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      if (!this.stopped && realtime.socket?.connected) void this.open();
    }, RESYNC_DELAY_MS);
  }
}
