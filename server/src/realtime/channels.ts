/** socket.io rooms ("channels" here, to keep them apart from discussion rooms). */

/** Connections watching a room: messages, edits, presence, typing. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
/** All connections of one person: notifications, read markers, rooms added or removed. */
export const userChannel = (userId: string) => `user:${userId}`;
/** Connections of a room's members, for unread badges while they look elsewhere. */
export const feedChannel = (roomId: string) => `feed:${roomId}`;

export function roomIdOfChannel(channel: string): string | null {
  return channel.startsWith('room:') ? channel.slice('room:'.length) : null;
}

/** Connections that have a proposal's live document open: Yjs updates, editors, checks. */
export const proposalChannel = (proposalId: string) => `proposal:${proposalId}`;

export function proposalIdOfChannel(channel: string): string | null {
  return channel.startsWith('proposal:') ? channel.slice('proposal:'.length) : null;
}
