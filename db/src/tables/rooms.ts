import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type RoomKind = 'idea' | 'proposal' | 'forum_session' | 'direct';
export type RoomVisibility = 'public' | 'members';

export interface RoomsTable {
  id: Generated<string>;
  kind: RoomKind;
  visibility: RoomVisibility;
  /** The idea, proposal or forum session the room belongs to; null for direct rooms. */
  subject_id: string | null;
  title: string;
  created_by: string | null;
  /** Sequence number of the newest message; each message takes the next one. */
  last_seq: Generated<number>;
  /** Revision counter bumped by every new, edited, deleted or hidden message (catch-up of changes). */
  last_rev: Generated<number>;
  last_activity_at: Generated<Date>;
  /** Nobody posts before this time (a forum session's start); null: open from creation. */
  opens_at: Date | null;
  /** Set when the room became read-only for good (a closed forum session). */
  closed_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type Room = Selectable<RoomsTable>;
export type NewRoom = Insertable<RoomsTable>;
export type RoomUpdate = Updateable<RoomsTable>;
