import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A comment anchored to a section of a proposal (`summary`, `output:<id>`, …). */
export interface ProposalCommentsTable {
  id: Generated<string>;
  proposal_id: string;
  section: string;
  body: string;
  quote: string | null;
  author_id: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type ProposalCommentRow = Selectable<ProposalCommentsTable>;
export type NewProposalComment = Insertable<ProposalCommentsTable>;
export type ProposalCommentUpdate = Updateable<ProposalCommentsTable>;
