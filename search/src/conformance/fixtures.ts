import type { Document, IndexSettings } from '../engine/types';
import { indexSettings } from '../indexes/definitions';
import { measureDocument, type MeasureSource } from '../indexes/documents';
import { defaultThesaurus } from '../thesaurus/thesaurus';

/** Measures in our four languages (our own texts), indexed through the real document pipeline. */
const rows: Array<[string, string, string, string, string, string, number]> = [
  ['m1', 'bg', 'BG', 'BG-TST-1', 'Ремонт на читалище в селото', 'Читалищата получават нов покрив, отопление и сцена за самодейците.', 2021],
  ['m2', 'bg', 'BG', 'BG-TST-1', 'Младежки център и спорт', 'Клубове за младежи, спортни площадки и обучения по програмиране.', 2021],
  ['m3', 'bg', 'BG', 'BG-TST-2', 'Водоснабдяване на малките села', 'Нов водопровод и помпена станция за питейна вода.', 2024],
  ['m4', 'az', 'AZ', 'AZ-TST-1', 'Gənclər üçün rəqəmsal bacarıqlar', 'İsmayıllı gənclərinə proqramlaşdırma və robototexnika kursları.', 2023],
  ['m5', 'sq', 'AL', 'AL-TST-1', 'Rikonstruksioni i ujësjellësit në Shkodër', 'Furnizim me ujë të pijshëm për fshatrat përreth liqenit.', 2022],
  ['m6', 'en', 'AL', 'AL-TST-1', 'Environment education in every school', 'Eco clubs, waste separation and tree planting with pupils.', 2022],
  ['m7', 'en', 'AZ', 'AZ-TST-2', 'Tourism routes and visitor information', 'Marked hiking trails, information boards and a small visitor centre.', 2025],
];

export function fixtureDocuments(): Document[] {
  const thesaurus = defaultThesaurus();
  return rows.map(([id, language, country, municipality, title, description, year]) => {
    const source: MeasureSource = {
      id,
      planId: `plan-${municipality}`,
      planTitle: `Plan ${municipality}`,
      code: id,
      title,
      description,
      priorityTitle: '',
      objectiveTitle: '',
      language,
      organisationId: `org-${municipality}`,
      organisationName: municipality,
      municipality,
      region: municipality.slice(0, 2),
      country,
      placeNames: [],
      periodStart: year,
      periodEnd: year + 6,
    };
    return measureDocument(source, thesaurus);
  });
}

export function fixtureSettings(): IndexSettings {
  return indexSettings('measures', defaultThesaurus());
}
