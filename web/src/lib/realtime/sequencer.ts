/**
 * Turns what a room connection receives (join/sync answers and live messages, possibly duplicated or out
 * of order across server processes) into exactly-once, in-order delivery by sequence number. Plain
 * TypeScript with no dependencies: the web client and the multi-process tests both use it.
 */

export interface SequencedMessage {
  id: string;
  seq: number;
  rev: number;
}

export interface SyncAnswerLike<M extends SequencedMessage> {
  room: { lastSeq: number };
  messages: M[];
  changed: M[];
  more: boolean;
  syncedRev: number;
}

export interface SequencerOptions<M extends SequencedMessage> {
  /** Called once per sequence number, in order. */
  deliver(message: M): void;
  /** A message already delivered changed (edit, delete, hide); apply it if `rev` is newer than yours. */
  update(message: M): void;
  /** Ask the server for everything after `afterSeq` (a gap did not fill, or the server said there is more). */
  requestSync(afterSeq: number, afterRev: number): void;
  /** How long an out-of-order message waits for the ones before it before a sync is asked for. */
  gapWaitMs?: number;
}

export class RoomSequencer<M extends SequencedMessage> {
  /** Highest sequence number delivered; null until the first join answer sets where this client starts. */
  private last: number | null = null;
  private rev = 0;
  private readonly early = new Map<number, M>();
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private syncing = false;
  /** Messages received again that were already delivered (a resend's re-broadcast, a catch-up overlap). */
  duplicates = 0;

  constructor(private readonly options: SequencerOptions<M>) {}

  /** The position to rejoin from; null before the first answer. */
  get lastSeq(): number | null {
    return this.last;
  }

  get syncedRev(): number {
    return this.rev;
  }

  /** Applies a join or sync answer; on the first one, the answer's messages set where this client starts. */
  applyAnswer(answer: SyncAnswerLike<M>): void {
    this.syncing = false;
    if (this.last === null) this.last = (answer.messages[0]?.seq ?? answer.room.lastSeq + 1) - 1;
    for (const m of answer.changed) this.options.update(m);
    for (const m of answer.messages) this.accept(m);
    this.rev = Math.max(this.rev, answer.syncedRev);
    this.drain();
    if (answer.more) this.sync();
    else if (this.early.size > 0) this.armGapTimer();
  }

  /** A live `message:new`. */
  receive(message: M): void {
    if (this.last === null) {
      // Arrived before the join answer: keep it until we know where we start.
      this.early.set(message.seq, message);
      return;
    }
    this.accept(message);
    this.drain();
    if (this.early.size > 0) this.armGapTimer();
  }

  /** A live `message:updated`. */
  receiveUpdate(message: M): void {
    if (this.last !== null && message.seq <= this.last) this.options.update(message);
    else if (this.early.has(message.seq)) this.early.set(message.seq, message);
    // Otherwise the message itself is still to come, in its current state.
  }

  /** The room's newest sequence number as the server last saw it (presence): behind it, catch up. */
  noteHead(lastSeq: number): void {
    if (this.last !== null && lastSeq > this.last && this.early.size === 0) this.sync();
  }

  /** Forget the connection-bound state (a new connection joins afresh from `lastSeq`). */
  pause(): void {
    this.syncing = false;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  private accept(message: M): void {
    const last = this.last!;
    if (message.seq <= last) {
      this.duplicates++;
      return;
    }
    if (message.seq === last + 1) {
      this.last = message.seq;
      this.options.deliver(message);
      return;
    }
    if (this.early.has(message.seq)) this.duplicates++;
    this.early.set(message.seq, message);
  }

  private drain(): void {
    if (this.last === null) return;
    for (const seq of [...this.early.keys()]) if (seq <= this.last) this.early.delete(seq);
    let next = this.early.get(this.last + 1);
    while (next) {
      this.early.delete(next.seq);
      this.last = next.seq;
      this.options.deliver(next);
      next = this.early.get(this.last + 1);
    }
    if (this.early.size === 0 && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  private armGapTimer(): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.early.size > 0) this.sync();
    }, this.options.gapWaitMs ?? 500);
  }

  private sync(): void {
    if (this.syncing || this.last === null) return;
    this.syncing = true;
    this.options.requestSync(this.last, this.rev);
  }

  /** The sync request failed (e.g. disconnected): allow the next trigger to ask again. */
  syncFailed(): void {
    this.syncing = false;
  }
}
