import { roomsApi } from './api/rooms';
import { onConnection } from './realtime/socket.svelte';

/** Unread messages per room (rooms of the signed-in user), kept live from the socket. */
let unread = $state<Record<string, number>>({});
let myId: string | null = null;

export const roomBadge = {
  /** Rooms with anything unread: the number on the navigation's Rooms link. */
  get rooms(): number {
    return Object.values(unread).filter((n) => n > 0).length;
  },
  unreadIn(roomId: string): number {
    return unread[roomId] ?? 0;
  },
};

export function setRoomUnread(roomId: string, count: number): void {
  unread = { ...unread, [roomId]: Math.max(0, count) };
}

/** Loads the counts (first 100 rooms, most recently active first) and follows them over the socket. */
export async function startRoomBadge(userId: string): Promise<void> {
  myId = userId;
  try {
    const page = await roomsApi.listMine({ limit: 100 });
    unread = Object.fromEntries(page.items.map((r) => [r.id, r.unread]));
  } catch {
    // The badge is a hint; the next page load or socket event fixes it.
  }
}

export function stopRoomBadge(): void {
  myId = null;
  unread = {};
}

onConnection((s) => {
  const onActivity = (a: { roomId: string; senderId: string | null }) => {
    if (myId && a.senderId !== myId) setRoomUnread(a.roomId, (unread[a.roomId] ?? 0) + 1);
  };
  const onRead = (m: { roomId: string; unread: number }) => setRoomUnread(m.roomId, m.unread);
  const onAdded = (r: { id: string; unread: number }) => setRoomUnread(r.id, r.unread);
  const onRemoved = (r: { roomId: string }) => setRoomUnread(r.roomId, 0);
  s.on('room:activity', onActivity);
  s.on('room:read', onRead);
  s.on('room:added', onAdded);
  s.on('room:removed', onRemoved);
  return () => {
    s.off('room:activity', onActivity);
    s.off('room:read', onRead);
    s.off('room:added', onAdded);
    s.off('room:removed', onRemoved);
  };
});
