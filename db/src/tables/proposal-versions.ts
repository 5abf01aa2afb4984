import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/** A named or automatic snapshot: the plain content (for reading and diffs) and the Yjs state. */
export interface ProposalVersionsTable {
  id: Generated<string>;
  proposal_id: string;
  number: number;
  name: string;
  automatic: Generated<boolean>;
  /** ProposalContent (see the server's domain/proposal-doc.ts). */
  content: JSONColumnType<object>;
  state: Uint8Array;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type ProposalVersionRow = Selectable<ProposalVersionsTable>;
export type NewProposalVersion = Insertable<ProposalVersionsTable>;
