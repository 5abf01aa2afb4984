import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type RoomRole = 'member' | 'host';

export interface RoomMembersTable {
  room_id: string;
  user_id: string;
  role: RoomRole;
  /** Everything up to this sequence number counts as read. */
  last_read_seq: Generated<number>;
  joined_at: ColumnType<Date, never, never>;
}

export type RoomMember = Selectable<RoomMembersTable>;
export type NewRoomMember = Insertable<RoomMembersTable>;
