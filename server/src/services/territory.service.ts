import { territoryRepository, type Db, type Territory, type TerritoryLevel } from '@partnera/db';

export interface TerritoryDto {
  code: string;
  level: string;
  nameLocal: string;
  nameEn: string;
  parentCode: string | null;
}

export const toTerritoryDto = (t: Territory): TerritoryDto => ({
  code: t.code,
  level: t.level,
  nameLocal: t.name_local,
  nameEn: t.name_en,
  parentCode: t.parent_code,
});

/** Territories change only with a migration, so they are read once and served from memory. */
export class TerritoryService {
  private byCode = new Map<string, Territory>();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    const all = await territoryRepository.listTerritories(this.db, {});
    this.byCode = new Map(all.map((t) => [t.code, t]));
  }

  get(code: string): Territory | undefined {
    return this.byCode.get(code);
  }

  list(query: { country?: string; level?: TerritoryLevel; parent?: string }): Territory[] {
    return [...this.byCode.values()].filter(
      (t) =>
        (!query.country || t.country === query.country) &&
        (!query.level || t.level === query.level) &&
        (!query.parent || t.parent_code === query.parent),
    );
  }
}
