import type { RoomEvents } from '../services/room-events';
import { feedChannel, roomChannel, userChannel } from './channels';
import type { Io } from './io';
import type { Presence } from './presence';

/**
 * Room events as socket.io emits. Through the Redis adapter every emit reaches the connections of every
 * server process; `socketsJoin`/`socketsLeave`/`fetchSockets` act on them too.
 */
export function socketRoomEvents(io: Io, presence: Presence, onError: (error: unknown) => void): RoomEvents {
  return {
    messageCreated(message) {
      io.to(roomChannel(message.roomId)).emit('message:new', message);
      // Members looking elsewhere get a small ping for their unread badges instead of the message.
      io.to(feedChannel(message.roomId))
        .except(roomChannel(message.roomId))
        .emit('room:activity', { roomId: message.roomId, seq: message.seq, senderId: message.sender?.id ?? null });
    },
    messageUpdated(message) {
      io.to(roomChannel(message.roomId)).emit('message:updated', message);
    },
    readMarker(userId, marker) {
      io.to(userChannel(userId)).emit('room:read', marker);
    },
    roomUpdated(room) {
      io.to([roomChannel(room.roomId), feedChannel(room.roomId)]).emit('room:updated', room);
    },
    memberChanged(change) {
      io.to(roomChannel(change.roomId)).emit('room:member', change);
    },
    memberAdded(userId, room) {
      io.in(userChannel(userId)).socketsJoin(feedChannel(room.id));
      io.to(userChannel(userId)).emit('room:added', room);
    },
    memberRemoved(userId, roomId, membersOnly) {
      io.in(userChannel(userId)).socketsLeave(membersOnly ? [feedChannel(roomId), roomChannel(roomId)] : [feedChannel(roomId)]);
      if (membersOnly) {
        io.to(userChannel(userId)).emit('room:removed', { roomId, reason: 'removed' });
        presence.schedule(roomId);
      }
    },
    restrictToMembers(roomId, memberIds) {
      const members = new Set(memberIds);
      void (async () => {
        for (const socket of await io.in(roomChannel(roomId)).fetchSockets()) {
          if (members.has(socket.data.userId)) continue;
          socket.leave(roomChannel(roomId));
          socket.emit('room:removed', { roomId, reason: 'members_only' });
        }
        presence.schedule(roomId);
      })().catch(onError);
    },
  };
}
