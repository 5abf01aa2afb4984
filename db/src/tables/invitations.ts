import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MembershipRole } from './memberships';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';

export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: MembershipRole;
  /** SHA-256 of the token sent by mail; the token itself is never stored. */
  token_hash: string;
  status: Generated<InvitationStatus>;
  invited_by: string;
  expires_at: Date;
  accepted_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type Invitation = Selectable<InvitationsTable>;
export type NewInvitation = Insertable<InvitationsTable>;
