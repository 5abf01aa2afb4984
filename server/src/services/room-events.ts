import type { Message, ReadMarker, Room, RoomRole, RoomVisibility } from '../schemas/rooms';

/**
 * What the room services announce after a write has committed. The socket.io gateway implements it;
 * services never touch sockets, so they stay testable and the wiring stays in the composition root.
 */
export interface RoomEvents {
  messageCreated(message: Message): void;
  messageUpdated(message: Message): void;
  readMarker(userId: string, marker: ReadMarker): void;
  roomUpdated(room: { roomId: string; title: string; visibility: RoomVisibility }): void;
  memberChanged(change: { roomId: string; userId: string; role: RoomRole | null; muted: boolean; mutedUntil: string | null }): void;
  /** The user became a member: their connections follow the room's activity; `room` is as they see it. */
  memberAdded(userId: string, room: Room): void;
  /** The user stopped being a member; in a members-only room their connections also stop watching it. */
  memberRemoved(userId: string, roomId: string, membersOnly: boolean): void;
  /** The room became members-only: connections of everyone else stop watching it. */
  restrictToMembers(roomId: string, memberIds: string[]): void;
}

/** For code paths that run without a gateway. */
export const silentRoomEvents: RoomEvents = {
  messageCreated() {},
  messageUpdated() {},
  readMarker() {},
  roomUpdated() {},
  memberChanged() {},
  memberAdded() {},
  memberRemoved() {},
  restrictToMembers() {},
};
