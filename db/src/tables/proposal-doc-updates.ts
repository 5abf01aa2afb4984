import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** One Yjs update of a proposal's live document (append-only; compacted into one row now and then). */
export interface ProposalDocUpdatesTable {
  /** bigserial: node-postgres returns it as a string. */
  id: ColumnType<string, never, never>;
  proposal_id: string;
  update: Uint8Array;
  user_id: string | null;
  created_at: Generated<Date>;
}

export type ProposalDocUpdate = Selectable<ProposalDocUpdatesTable>;
export type NewProposalDocUpdate = Insertable<ProposalDocUpdatesTable>;
