import { readFileSync } from 'node:fs';
import type { NewTerritory } from '../tables/territories';

interface CountryFile {
  code: string;
  name_local: string;
  name_en: string;
  regions: Array<{
    code: string;
    name_local: string;
    name_en: string;
    municipalities: Array<{ code: string; name_local: string; name_en: string }>;
  }>;
}

export const territoryCountries = ['bg', 'al', 'az'] as const;

function readCountry(file: (typeof territoryCountries)[number]): CountryFile {
  return JSON.parse(readFileSync(new URL(`./data/${file}.json`, import.meta.url), 'utf8')) as CountryFile;
}

/** Flattens the country files into rows, each parent before its children. */
export function loadTerritoryRows(): NewTerritory[] {
  const rows: NewTerritory[] = [];
  for (const file of territoryCountries) {
    const c = readCountry(file);
    rows.push({ code: c.code, parent_code: null, country: c.code, level: 'country', name_local: c.name_local, name_en: c.name_en });
    for (const r of c.regions) {
      rows.push({ code: r.code, parent_code: c.code, country: c.code, level: 'region', name_local: r.name_local, name_en: r.name_en });
      for (const m of r.municipalities) {
        rows.push({ code: m.code, parent_code: r.code, country: c.code, level: 'municipality', name_local: m.name_local, name_en: m.name_en });
      }
    }
  }
  return rows;
}
