import { roomRepository, type Db } from '@partnera/db';
import { roomChannel } from './channels';
import type { PresenceUser } from './events';
import type { Io } from './io';

/** Comings and goings within this window are announced together (many people join at once). */
const COALESCE_MS = 50;

/**
 * Presence is read from the adapter (every process's connections, through Redis when configured), so
 * it is right across processes and heals itself when a process dies and its clients reconnect elsewhere.
 */
export class Presence {
  private pending = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly io: Io,
    private readonly db: () => Db | null,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(roomId: string): void {
    if (this.closed || this.pending.has(roomId)) return;
    this.pending.set(
      roomId,
      setTimeout(() => {
        this.pending.delete(roomId);
        this.publish(roomId).catch(this.onError);
      }, COALESCE_MS),
    );
  }

  async users(roomId: string): Promise<PresenceUser[]> {
    const sockets = await this.io.in(roomChannel(roomId)).fetchSockets();
    const byId = new Map<string, PresenceUser>();
    for (const s of sockets) if (s.data.userId) byId.set(s.data.userId, { id: s.data.userId, displayName: s.data.displayName });
    return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  }

  private async publish(roomId: string): Promise<void> {
    const db = this.db();
    if (this.closed || !db) return;
    const [users, room] = await Promise.all([this.users(roomId), roomRepository.findRoom(db, roomId)]);
    if (this.closed || !room) return;
    this.io.to(roomChannel(roomId)).emit('presence', { roomId, users, lastSeq: room.last_seq });
  }

  close(): void {
    this.closed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
