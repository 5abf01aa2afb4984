import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type LinkStatus = 'proposed' | 'confirmed' | 'rejected';
/** Which side proposed: the idea's authors or the plan's owner; the other side confirms. */
export type LinkSide = 'idea' | 'plan';

export interface IdeaMeasureLinksTable {
  id: Generated<string>;
  idea_id: string;
  measure_id: string;
  status: LinkStatus;
  proposed_by_side: LinkSide;
  proposed_by: string;
  note: string;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type IdeaMeasureLink = Selectable<IdeaMeasureLinksTable>;
export type NewIdeaMeasureLink = Insertable<IdeaMeasureLinksTable>;
