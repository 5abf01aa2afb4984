import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type ShortlistStatus = 'collecting' | 'reviewing' | 'decided' | 'published';
export type ShortlistDecision = 'shortlisted' | 'rejected' | 'deferred';
/** What an entry is; proposals join later. */
export type ShortlistSubjectKind = 'idea';

export interface ShortlistRoundsTable {
  id: Generated<string>;
  /** The regional council running the round. */
  organisation_id: string;
  title: string;
  description: string;
  region_code: string | null;
  /** Call for ideas period (dates, inclusive); open-ended when null. */
  call_start: ColumnType<string | null, string | null, string | null>;
  call_end: ColumnType<string | null, string | null, string | null>;
  /** Scores run 0..scale (5 or 10). */
  scale: number;
  /** Reviewers see others' scores for an entry only after submitting their own. */
  blind: boolean;
  status: Generated<ShortlistStatus>;
  created_by: string;
  version: Generated<number>;
  published_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface ShortlistRoundPlansTable {
  round_id: string;
  plan_id: string;
}

export interface ShortlistCriteriaTable {
  id: Generated<string>;
  round_id: string;
  position: number;
  name: string;
  description: string;
  /** Percent; a round's weights sum to 100. */
  weight: number;
}

export interface ShortlistReviewersTable {
  round_id: string;
  user_id: string;
  created_at: ColumnType<Date, never, never>;
}

export interface ShortlistEntriesTable {
  id: Generated<string>;
  round_id: string;
  subject_kind: ShortlistSubjectKind;
  idea_id: string | null;
  added_by: string;
  /** Submitted by the idea's owners or added by the council. */
  added_side: 'owner' | 'council';
  /** Position within a group of equal scores, set by the council; null until a tie is broken. */
  tie_break: number | null;
  decision: ShortlistDecision | null;
  decision_reason: string;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export interface ShortlistReviewsTable {
  entry_id: string;
  user_id: string;
  submitted_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ShortlistScoresTable {
  entry_id: string;
  user_id: string;
  criterion_id: string;
  score: number;
  comment: string;
}

export interface ShortlistConflictsTable {
  entry_id: string;
  user_id: string;
  note: string;
  created_at: ColumnType<Date, never, never>;
}

export type ShortlistRound = Selectable<ShortlistRoundsTable>;
export type NewShortlistRound = Insertable<ShortlistRoundsTable>;
export type ShortlistCriterion = Selectable<ShortlistCriteriaTable>;
export type ShortlistEntry = Selectable<ShortlistEntriesTable>;
export type ShortlistScore = Selectable<ShortlistScoresTable>;
export type ShortlistConflict = Selectable<ShortlistConflictsTable>;
