import type { ColumnType, Insertable, Selectable } from 'kysely';

/** People granted read access to a proposal without belonging to a partner organisation. */
export interface ProposalReadersTable {
  proposal_id: string;
  user_id: string;
  granted_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type ProposalReaderRow = Selectable<ProposalReadersTable>;
export type NewProposalReader = Insertable<ProposalReadersTable>;
