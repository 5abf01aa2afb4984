import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

interface Unit {
  code: string;
  name_local: string;
  name_en: string;
}
interface Region extends Unit {
  municipalities: Unit[];
}
interface Country extends Unit {
  regions: Region[];
}

function load(file: string): Country {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as Country;
}

const bg = load('bg.json');
const al = load('al.json');
const az = load('az.json');
const countries = [bg, al, az];

const municipalityCount = (c: Country): number =>
  c.regions.reduce((n, r) => n + r.municipalities.length, 0);

function region(c: Country, code: string): Region {
  const r = c.regions.find((x) => x.code === code);
  if (!r) throw new Error(`region ${code} not found`);
  return r;
}

const localNames = (r: Region): string[] => r.municipalities.map((m) => m.name_local);

describe('territory reference data', () => {
  it('has the expected country headers', () => {
    expect(countries.map((c) => c.code)).toEqual(['BG', 'AL', 'AZ']);
    expect(bg.name_local).toBe('България');
    expect(al.name_en).toBe('Albania');
    expect(az.name_en).toBe('Azerbaijan');
  });

  it('Bulgaria has 28 oblasts and 265 municipalities', () => {
    expect(bg.regions).toHaveLength(28);
    expect(municipalityCount(bg)).toBe(265);
    expect(bg.regions.map((r) => r.code)).toEqual(
      Array.from({ length: 28 }, (_, i) => `BG-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('Albania has 12 qarks and 61 municipalities', () => {
    expect(al.regions).toHaveLength(12);
    expect(municipalityCount(al)).toBe(61);
    expect(al.regions.map((r) => r.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `AL-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('Azerbaijan has 14 economic regions and at least 60 municipality-level units', () => {
    expect(az.regions).toHaveLength(14);
    expect(municipalityCount(az)).toBeGreaterThanOrEqual(60);
    for (const r of az.regions) expect(r.code).toMatch(/^AZ-ER-[A-Z]+(-[A-Z]+)*$/);
  });

  it('every code is unique across all files', () => {
    const codes = countries.flatMap((c) => [
      c.code,
      ...c.regions.flatMap((r) => [r.code, ...r.municipalities.map((m) => m.code)]),
    ]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('every name is non-empty and trimmed', () => {
    const units: Unit[] = countries.flatMap((c) => [
      c,
      ...c.regions.flatMap((r) => [r, ...r.municipalities]),
    ]);
    for (const u of units) {
      for (const name of [u.name_local, u.name_en]) {
        expect(typeof name, u.code).toBe('string');
        expect(name.length, u.code).toBeGreaterThan(0);
        expect(name, u.code).toBe(name.trim());
        expect(name, u.code).not.toMatch(/\s{2,}/);
      }
      expect(u.name_en, u.code).toMatch(/^[A-Za-z][A-Za-z .()'-]*$/);
    }
  });

  it('municipality codes extend their region code with a two-digit sequence', () => {
    for (const c of countries) {
      for (const r of c.regions) {
        expect(r.code.startsWith(`${c.code}-`)).toBe(true);
        expect(r.municipalities.length).toBeGreaterThan(0);
        r.municipalities.forEach((m, i) => {
          expect(m.code.startsWith(`${r.code}-`), m.code).toBe(true);
          expect(m.code).toBe(`${r.code}-${String(i + 1).padStart(2, '0')}`);
        });
      }
    }
  });

  it('lists municipalities alphabetically by English name', () => {
    for (const c of countries) {
      for (const r of c.regions) {
        const names = r.municipalities.map((m) => m.name_en);
        const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
        expect(names, r.code).toEqual(sorted);
      }
    }
  });

  it('uses the expected scripts for local names', () => {
    for (const r of bg.regions) {
      for (const u of [r, ...r.municipalities]) expect(u.name_local, u.code).toMatch(/^[А-Яа-я ()-]+$/);
    }
    for (const r of [...al.regions, ...az.regions]) {
      for (const u of [r, ...r.municipalities]) expect(u.name_local, u.code).not.toMatch(/[А-Яа-я]/);
    }
  });

  it('passes spot checks', () => {
    const sofiaCity = region(bg, 'BG-22');
    expect(sofiaCity.name_local).toBe('София (столица)');
    expect(sofiaCity.name_en).toBe('Sofia City');
    expect(localNames(sofiaCity)).toEqual(['Столична']);
    expect(region(bg, 'BG-23').name_en).toBe('Sofia Province');
    expect(region(bg, 'BG-23').municipalities).toHaveLength(22);
    expect(region(bg, 'BG-16').municipalities).toHaveLength(18);
    expect(localNames(region(bg, 'BG-04'))).toContain('Велико Търново');
    expect(localNames(region(bg, 'BG-13'))).toContain('Сърница');

    const tirana = region(al, 'AL-11');
    expect(tirana.name_local).toBe('Tiranë');
    expect(localNames(tirana)).toEqual(expect.arrayContaining(['Kamëz', 'Tiranë', 'Kavajë']));
    expect(localNames(region(al, 'AL-06'))).toContain('Korçë');
    expect(localNames(region(al, 'AL-10'))).toContain('Malësi e Madhe');

    const azLocal = az.regions.flatMap(localNames);
    expect(azLocal).toEqual(expect.arrayContaining(['Şəki', 'Gəncə', 'Sumqayıt', 'Xankəndi', 'Bakı']));
    const quba = region(az, 'AZ-ER-QUBA-XACMAZ');
    expect(quba.name_local).toBe('Quba-Xaçmaz');
    expect(localNames(quba)).toEqual(expect.arrayContaining(['Quba', 'Xaçmaz']));
    expect(localNames(region(az, 'AZ-ER-SARQI-ZANGAZUR'))).toContain('Laçın');
    expect(region(az, 'AZ-ER-NAXCIVAN').municipalities).toHaveLength(8);
  });
});
