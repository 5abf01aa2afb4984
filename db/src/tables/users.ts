import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type PlatformRole = 'admin' | 'moderator';
export type Locale = 'bg' | 'sq' | 'az' | 'en';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  platform_role: PlatformRole | null;
  locale: Locale;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
