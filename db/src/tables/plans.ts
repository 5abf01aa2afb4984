import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type PlanStatus = 'draft' | 'published' | 'archived';

export interface PlansTable {
  id: Generated<string>;
  /** The municipality or regional council that owns the plan. */
  organisation_id: string;
  title: string;
  description: string;
  language: string;
  period_start: number;
  period_end: number;
  status: Generated<PlanStatus>;
  version: Generated<number>;
  published_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type Plan = Selectable<PlansTable>;
export type NewPlan = Insertable<PlansTable>;
export type PlanUpdate = Updateable<PlansTable>;
