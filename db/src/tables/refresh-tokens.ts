import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  /** All tokens rotated from one login share a family; reuse of a rotated token revokes the family. */
  family_id: string;
  token_hash: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type RefreshToken = Selectable<RefreshTokensTable>;
export type NewRefreshToken = Insertable<RefreshTokensTable>;
