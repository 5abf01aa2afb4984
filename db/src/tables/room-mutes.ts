import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Kept apart from membership so that leaving and rejoining does not lift a mute. */
export interface RoomMutesTable {
  room_id: string;
  user_id: string;
  muted_by: string | null;
  /** null: until a host lifts it. */
  until: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type RoomMute = Selectable<RoomMutesTable>;
export type NewRoomMute = Insertable<RoomMutesTable>;
