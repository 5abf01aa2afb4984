import type { Insertable, Selectable } from 'kysely';

/** Where an idea would happen: one row per municipality (or region). */
export interface IdeaPlacesTable {
  idea_id: string;
  territory_code: string;
}

export type IdeaPlace = Selectable<IdeaPlacesTable>;
export type NewIdeaPlace = Insertable<IdeaPlacesTable>;
