import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type ProposalStatus = 'drafting' | 'ready' | 'submitted' | 'withdrawn';

export interface ProposalsTable {
  id: Generated<string>;
  idea_id: string;
  lead_organisation_id: string;
  created_by: string | null;
  title: string;
  language: string;
  status: Generated<ProposalStatus>;
  call_title: Generated<string>;
  call_programme: Generated<string>;
  /** YYYY-MM-DD */
  call_deadline: string | null;
  /** The proposal's discussion room (members only). */
  room_id: string | null;
  /** Bumped by every change of the meta data (ETag / If-Match); the live body has its own history. */
  version: Generated<number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type Proposal = Selectable<ProposalsTable>;
export type NewProposal = Insertable<ProposalsTable>;
export type ProposalUpdate = Updateable<ProposalsTable>;
