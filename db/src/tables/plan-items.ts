import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Depth in a plan: priority → specific objective → measure. */
export type PlanItemLevel = 'priority' | 'objective' | 'measure';

export interface PlanItemsTable {
  id: Generated<string>;
  plan_id: string;
  parent_id: string | null;
  level: PlanItemLevel;
  /** Dotted code unique within the plan ("2", "2.3", "2.3.1"); re-imports match on it. */
  code: string;
  title: string;
  description: string;
  indicators: ColumnType<string[], string[], string[]>;
  budget_amount: string | null;
  currency: string | null;
  position: number;
  version: Generated<number>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type PlanItem = Selectable<PlanItemsTable>;
export type NewPlanItem = Insertable<PlanItemsTable>;
export type PlanItemUpdate = Updateable<PlanItemsTable>;
