import type { ColumnType, Insertable, Selectable } from 'kysely';

export type MembershipRole = 'owner' | 'editor' | 'member';

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: MembershipRole;
  created_at: ColumnType<Date, never, never>;
}

export type Membership = Selectable<MembershipsTable>;
export type NewMembership = Insertable<MembershipsTable>;
