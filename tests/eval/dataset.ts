import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdeaInput, MeasureSource } from '@partnera/search';

/** The labelled matching data set format (see shared/eval/match-dev/README.md). */
interface PlanFile {
  id: string;
  name: string;
  name_en: string;
  country: string;
  region: string;
  language: string;
  plan: {
    title: string;
    period: string;
    priorities: Array<{ id: string; title: string; objectives: Array<{ id: string; title: string; measures: Array<{ id: string; title: string; description: string }> }> }>;
  };
}

export interface EvalIdea {
  id: string;
  language: string;
  title: string;
  summary: string;
  objectives?: string[];
  target_groups?: string[];
  activities?: string[];
  municipality_ids?: string[];
  relevant: Array<{ measure_id: string; grade: number }>;
  tags: string[];
}

export interface Dataset {
  measures: MeasureSource[];
  ideas: EvalIdea[];
}

/** Engine ids allow letters, digits, - and _ only; the data set's measure ids use dots. */
export const toDocId = (measureId: string) => measureId.replace(/[^A-Za-z0-9_-]/g, '_');

export function loadDataset(dir: string): Dataset {
  const plans = JSON.parse(readFileSync(join(dir, 'plans.json'), 'utf8')) as PlanFile[];
  const measures: MeasureSource[] = [];
  for (const m of plans) {
    const [start, end] = m.plan.period.split(/[-–]/).map(Number);
    // The region label reads like "Ruse Province, North Central planning region": its first part names the place.
    const placeNames = [m.name, m.name_en, m.region.split(/[,(]/)[0]!.trim()];
    for (const priority of m.plan.priorities) {
      for (const objective of priority.objectives) {
        for (const measure of objective.measures) {
          measures.push({
            id: toDocId(measure.id),
            planId: m.id,
            planTitle: m.plan.title,
            code: measure.id,
            title: measure.title,
            description: measure.description,
            priorityTitle: priority.title,
            objectiveTitle: objective.title,
            language: m.language,
            organisationId: m.id,
            organisationName: m.name,
            municipality: m.id,
            region: null,
            country: m.country,
            placeNames,
            periodStart: start ?? 0,
            periodEnd: end ?? start ?? 0,
          });
        }
      }
    }
  }
  const ideas = readdirSync(dir)
    .filter((f) => /^ideas.*\.json$/.test(f))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as EvalIdea[]);
  return { measures, ideas };
}

export function toIdeaInput(idea: EvalIdea): IdeaInput {
  return {
    title: idea.title,
    summary: idea.summary,
    problem: '',
    overallObjective: '',
    specificObjectives: idea.objectives ?? [],
    targetGroups: idea.target_groups ?? [],
    expectedResults: [],
    mainActivities: idea.activities ?? [],
    themes: [],
    language: idea.language,
  };
}

/** The idea's whole text, as the baseline ranks it. */
export const ideaFullText = (idea: EvalIdea) =>
  [idea.title, idea.summary, ...(idea.objectives ?? []), ...(idea.target_groups ?? []), ...(idea.activities ?? [])].join('\n');
