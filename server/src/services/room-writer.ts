import { roomMessageRepository, type Db, type MessageRow, type NewMessageInput, type NotificationInput } from '@partnera/db';
import { isUniqueViolation } from '../errors';
import type { NotificationService } from './notification.service';

/** Most messages stored by one statement. */
const MAX_BATCH = 200;

interface Pending {
  input: NewMessageInput;
  /** Notifications to write in the same transaction, made from the stored row (mentions). */
  notices: ((row: MessageRow) => NotificationInput[]) | null;
  resolve(result: Written): void;
  reject(error: unknown): void;
}

export interface Written {
  /** null when the statement left the message out (not a member, muted, known client id, bad reply). */
  row: MessageRow | null;
  /** Pushes the notifications live; call after announcing the message. */
  announce: () => void;
}

/**
 * Group commit per room: while one write for a room is in flight, messages for that room queue up and
 * go together in the next statement, in arrival order. An idle room writes at once, so a lone message
 * waits for nothing; a busy room pays one commit (and one disk flush) per batch instead of per message.
 */
export class RoomMessageWriter {
  private readonly queues = new Map<string, Pending[]>();

  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  write(roomId: string, input: NewMessageInput, notices: Pending['notices']): Promise<Written> {
    return new Promise((resolve, reject) => {
      const item = { input, notices, resolve, reject };
      const queue = this.queues.get(roomId);
      if (queue) {
        queue.push(item);
        return;
      }
      const fresh = [item];
      this.queues.set(roomId, fresh);
      void this.drain(roomId, fresh);
    });
  }

  private async drain(roomId: string, queue: Pending[]): Promise<void> {
    try {
      while (queue.length > 0) {
        // Let sends that already arrived join this batch: with the embedded database a statement runs on
        // this thread, so without this pause nothing would ever queue behind it.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = queue.splice(0, MAX_BATCH);
        try {
          await this.commit(roomId, batch);
        } catch (error) {
          if (batch.length > 1 && isUniqueViolation(error)) {
            // One resend raced another: store the rest one by one, so only that one fails.
            for (const item of batch) await this.commit(roomId, [item]).catch(item.reject);
          } else {
            for (const item of batch) item.reject(error);
          }
        }
      }
    } finally {
      this.queues.delete(roomId);
    }
  }

  private async commit(roomId: string, batch: Pending[]): Promise<void> {
    const run = async (db: Db) => {
      const stored = await roomMessageRepository.insertMessages(db, roomId, batch.map((p) => p.input), this.clock());
      const byKey = new Map(stored.map((row) => [`${row.sender_id}|${row.client_id}`, row]));
      const rows = batch.map((p) => byKey.get(`${p.input.senderId}|${p.input.clientId}`) ?? null);
      const announces: Array<() => void> = [];
      for (const [i, item] of batch.entries()) {
        const row = rows[i];
        announces[i] = item.notices && row ? await this.notifications.notify(db, item.notices(row)) : () => {};
      }
      return { rows, announces };
    };
    // Without notifications the single statement is its own transaction.
    const { rows, announces } = batch.some((p) => p.notices) ? await this.db.transaction().execute(run) : await run(this.db);
    batch.forEach((item, i) => item.resolve({ row: rows[i] ?? null, announce: announces[i]! }));
  }
}
