import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';

export type IdeaStatus = 'draft' | 'published' | 'archived';
export type Currency = 'BGN' | 'EUR' | 'ALL' | 'AZN' | 'USD';

export interface PartnerSought {
  kind: 'ngo' | 'municipality' | 'regional_council' | 'other';
  role: string;
}

export interface IdeasTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: string;
  title: string;
  summary: string;
  problem: string;
  overall_objective: string;
  specific_objectives: ColumnType<string[], string[], string[]>;
  target_groups: ColumnType<string[], string[], string[]>;
  expected_results: ColumnType<string[], string[], string[]>;
  main_activities: ColumnType<string[], string[], string[]>;
  budget_amount: string | null;
  currency: Currency | null;
  duration_months: number | null;
  partners_sought: JSONColumnType<PartnerSought[]>;
  themes: ColumnType<string[], string[], string[]>;
  language: string;
  status: Generated<IdeaStatus>;
  version: Generated<number>;
  published_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type Idea = Selectable<IdeasTable>;
export type NewIdea = Insertable<IdeasTable>;
export type IdeaUpdate = Updateable<IdeasTable>;
