import type { Insertable, Selectable } from 'kysely';

export type TerritoryLevel = 'country' | 'region' | 'municipality';

export interface TerritoriesTable {
  code: string;
  parent_code: string | null;
  country: string;
  level: TerritoryLevel;
  name_local: string;
  name_en: string;
}

export type Territory = Selectable<TerritoriesTable>;
export type NewTerritory = Insertable<TerritoriesTable>;
