import type { Territory, TerritoryLevel } from '../tables';
import type { Db } from './db';

export interface TerritoryQuery {
  parent?: string;
  country?: string;
  level?: TerritoryLevel;
}

export function listTerritories(db: Db, query: TerritoryQuery): Promise<Territory[]> {
  let q = db.selectFrom('territories').selectAll();
  if (query.parent) q = q.where('parent_code', '=', query.parent);
  if (query.country) q = q.where('country', '=', query.country);
  if (query.level) q = q.where('level', '=', query.level);
  return q.orderBy('name_en').execute();
}

export function findTerritory(db: Db, code: string): Promise<Territory | undefined> {
  return db.selectFrom('territories').selectAll().where('code', '=', code).executeTakeFirst();
}
