import { notificationRepository, type Db, type Notification, type NotificationInput } from '@partnera/db';
import { AppError } from '../errors';

/** Called after new notifications are committed: the real-time gateway pushes them live. */
export type NotificationListener = (userId: string, notification: Notification) => void;

export interface NotificationPageResult {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

/** The one way every feature tells a user about something. */
export class NotificationService {
  private listeners: NotificationListener[] = [];

  constructor(private readonly db: Db) {}

  onNotify(listener: NotificationListener) {
    this.listeners.push(listener);
  }

  /**
   * Writes notifications inside the caller's transaction; returns a function to call once it commits,
   * so nothing is pushed for a write that rolled back.
   */
  async notify(trx: Db, items: NotificationInput[]): Promise<() => void> {
    const rows = await notificationRepository.insertNotifications(trx, items);
    return () => {
      for (const row of rows) for (const listener of this.listeners) listener(row.user_id, row);
    };
  }

  async list(userId: string, limit: number, cursor?: string): Promise<NotificationPageResult> {
    const page = await notificationRepository.listNotifications(this.db, userId, limit, cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    return { ...page, unread: await notificationRepository.countUnread(this.db, userId) };
  }

  unreadCount(userId: string): Promise<number> {
    return notificationRepository.countUnread(this.db, userId);
  }

  async markRead(userId: string, ids?: string[]): Promise<number> {
    await notificationRepository.markRead(this.db, userId, ids);
    return notificationRepository.countUnread(this.db, userId);
  }
}
