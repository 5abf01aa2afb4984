import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export interface RoomMessagesTable {
  id: Generated<string>;
  room_id: string;
  /** Position in the room: 1, 2, 3… without gaps. */
  seq: number;
  /** The room revision of the message's latest change. */
  rev: number;
  sender_id: string | null;
  /** Chosen by the sender's client; a resend with the same id returns the stored message. */
  client_id: string;
  /** Raw Markdown as typed; emptied when the sender deletes the message. */
  body: string;
  reply_to: string | null;
  /** Ids of the users the message mentions. */
  mentions: JSONColumnType<string[]>;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  hidden_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type RoomMessage = Selectable<RoomMessagesTable>;
export type NewRoomMessage = Insertable<RoomMessagesTable>;
