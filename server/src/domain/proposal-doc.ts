/**
 * The Y.Doc schema of a proposal body (the live, co-edited part) and its plain JSON view.
 *
 * - `summary` Y.Map of Y.Text: description, targetGroups, place, totalValue, currency, durationMonths, period
 * - `overall` Y.Map LEVEL; `objectives` Y.Array<LEVEL>; `outputs` Y.Array<LEVEL + objectiveId>
 * - `activities` Y.Array<Y.Map { id, outputId, text: Y.Text, partnerId, startMonth, endMonth, assumptions: Y.Text }>
 * - `budget` Y.Array<Y.Map { id, category, description: Y.Text, partnerId, amount, cofinancing }>
 * - LEVEL = Y.Map { id, text: Y.Text, assumptions: Y.Text, indicators: Y.Array<INDICATOR> }
 * - INDICATOR = Y.Map { id, name, baseline, target, verification } (all Y.Text)
 *
 * Clients may write anything into a shared document, so reading is defensive: a missing or mistyped value
 * reads as empty, never as an exception.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type {
  Activity,
  BudgetCategory,
  BudgetLine,
  Indicator,
  Level,
  OutputLevel,
  ProposalContent,
  ProposalSummaryFields,
} from '../schemas/proposals';

export const SUMMARY_FIELDS = ['description', 'targetGroups', 'place', 'totalValue', 'currency', 'durationMonths', 'period'] as const;
export const BUDGET_CATEGORIES: readonly BudgetCategory[] = ['staff', 'travel', 'equipment', 'services', 'works', 'other'];
const INDICATOR_FIELDS = ['name', 'baseline', 'target', 'verification'] as const;

export const newId = (): string => randomUUID();

// ---- reading ----

function str(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
function idOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
function nullableId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
function intOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
function num(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return 0;
}
function maps(array: unknown): Y.Map<unknown>[] {
  if (!(array instanceof Y.Array)) return [];
  return array.toArray().filter((item): item is Y.Map<unknown> => item instanceof Y.Map);
}

function readIndicator(map: Y.Map<unknown>): Indicator {
  return {
    id: idOf(map.get('id')),
    name: str(map.get('name')),
    baseline: str(map.get('baseline')),
    target: str(map.get('target')),
    verification: str(map.get('verification')),
  };
}

function readLevel(map: Y.Map<unknown>): Level {
  return {
    id: idOf(map.get('id')),
    text: str(map.get('text')),
    assumptions: str(map.get('assumptions')),
    indicators: maps(map.get('indicators')).map(readIndicator),
  };
}

function readActivity(map: Y.Map<unknown>): Activity {
  return {
    id: idOf(map.get('id')),
    outputId: nullableId(map.get('outputId')),
    text: str(map.get('text')),
    partnerId: nullableId(map.get('partnerId')),
    startMonth: intOrNull(map.get('startMonth')),
    endMonth: intOrNull(map.get('endMonth')),
    assumptions: str(map.get('assumptions')),
  };
}

function readBudgetLine(map: Y.Map<unknown>): BudgetLine {
  const category = map.get('category');
  return {
    id: idOf(map.get('id')),
    category: BUDGET_CATEGORIES.includes(category as BudgetCategory) ? (category as BudgetCategory) : 'other',
    description: str(map.get('description')),
    partnerId: nullableId(map.get('partnerId')),
    amount: num(map.get('amount')),
    cofinancing: num(map.get('cofinancing')),
  };
}

/** The plain JSON view of a proposal document. */
export function readProposalContent(doc: Y.Doc): ProposalContent {
  const summaryMap = doc.getMap<unknown>('summary');
  const summary = Object.fromEntries(SUMMARY_FIELDS.map((key) => [key, str(summaryMap.get(key))])) as ProposalSummaryFields;
  const overallMap = doc.getMap<unknown>('overall');
  return {
    summary,
    overall: readLevel(overallMap),
    objectives: maps(doc.getArray('objectives')).map(readLevel),
    outputs: maps(doc.getArray('outputs')).map((map): OutputLevel => ({ ...readLevel(map), objectiveId: nullableId(map.get('objectiveId')) })),
    activities: maps(doc.getArray('activities')).map(readActivity),
    budget: maps(doc.getArray('budget')).map(readBudgetLine),
  };
}

// ---- building ----

const text = (value: string | undefined) => new Y.Text(value ?? '');

export function indicatorMap(init: Partial<Indicator> = {}): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', init.id || newId());
  for (const key of INDICATOR_FIELDS) map.set(key, text(init[key]));
  return map;
}

function fillLevel(map: Y.Map<unknown>, init: Partial<Level>): void {
  map.set('id', init.id || newId());
  map.set('text', text(init.text));
  map.set('assumptions', text(init.assumptions));
  const indicators = new Y.Array<Y.Map<unknown>>();
  indicators.push((init.indicators ?? []).map(indicatorMap));
  map.set('indicators', indicators);
}

export function levelMap(init: Partial<Level> = {}): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  fillLevel(map, init);
  return map;
}

export function outputMap(init: Partial<OutputLevel> = {}): Y.Map<unknown> {
  const map = levelMap(init);
  map.set('objectiveId', init.objectiveId ?? null);
  return map;
}

export function activityMap(init: Partial<Activity> = {}): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', init.id || newId());
  map.set('outputId', init.outputId ?? null);
  map.set('text', text(init.text));
  map.set('partnerId', init.partnerId ?? null);
  map.set('startMonth', init.startMonth ?? null);
  map.set('endMonth', init.endMonth ?? null);
  map.set('assumptions', text(init.assumptions));
  return map;
}

export function budgetLineMap(init: Partial<BudgetLine> = {}): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', init.id || newId());
  map.set('category', init.category ?? 'other');
  map.set('description', text(init.description));
  map.set('partnerId', init.partnerId ?? null);
  map.set('amount', init.amount ?? 0);
  map.set('cofinancing', init.cofinancing ?? 0);
  return map;
}

/** Replaces a Y.Text's content in place (editors keep their Y.Text object), or creates it. */
function setText(map: Y.Map<unknown>, key: string, value: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) {
    if (current.toString() === value) return;
    current.delete(0, current.length);
    current.insert(0, value);
  } else {
    map.set(key, new Y.Text(value));
  }
}

function replaceArray(array: Y.Array<unknown>, items: Y.Map<unknown>[]): void {
  if (array.length > 0) array.delete(0, array.length);
  if (items.length > 0) array.push(items);
}

/**
 * Sets the whole document to `content` in one transaction (used for restoring a version, and for seeding).
 * Summary and overall texts are edited in place; lists are replaced.
 */
export function writeProposalContent(doc: Y.Doc, content: ProposalContent, origin: unknown = 'server'): void {
  doc.transact(() => {
    const summary = doc.getMap<unknown>('summary');
    for (const key of SUMMARY_FIELDS) setText(summary, key, content.summary[key] ?? '');
    const overall = doc.getMap<unknown>('overall');
    if (typeof overall.get('id') !== 'string') overall.set('id', content.overall.id || newId());
    setText(overall, 'text', content.overall.text);
    setText(overall, 'assumptions', content.overall.assumptions);
    const indicators = new Y.Array<Y.Map<unknown>>();
    indicators.push(content.overall.indicators.map(indicatorMap));
    overall.set('indicators', indicators);
    replaceArray(doc.getArray('objectives'), content.objectives.map(levelMap));
    replaceArray(doc.getArray('outputs'), content.outputs.map(outputMap));
    replaceArray(doc.getArray('activities'), content.activities.map(activityMap));
    replaceArray(doc.getArray('budget'), content.budget.map(budgetLineMap));
  }, origin);
}

export function emptyProposalContent(): ProposalContent {
  return {
    summary: { description: '', targetGroups: '', place: '', totalValue: '', currency: '', durationMonths: '', period: '' },
    overall: { id: newId(), text: '', assumptions: '', indicators: [] },
    objectives: [],
    outputs: [],
    activities: [],
    budget: [],
  };
}

/** What an idea contributes to a new proposal. */
export interface IdeaSeed {
  summary: string;
  targetGroups: string[];
  places: string[];
  budget: string | null;
  currency: string | null;
  durationMonths: number | null;
  overallObjective: string;
  specificObjectives: string[];
  expectedResults: string[];
  mainActivities: string[];
}

/** The first content of a proposal, carried over from its idea's project-summary matrix. */
export function contentFromIdea(idea: IdeaSeed): ProposalContent {
  const content = emptyProposalContent();
  content.summary = {
    description: idea.summary,
    targetGroups: idea.targetGroups.join('; '),
    place: idea.places.join(', '),
    totalValue: idea.budget ?? '',
    currency: idea.currency ?? '',
    durationMonths: idea.durationMonths == null ? '' : String(idea.durationMonths),
    period: '',
  };
  content.overall.text = idea.overallObjective;
  content.objectives = idea.specificObjectives.map((t) => ({ id: newId(), text: t, assumptions: '', indicators: [] }));
  content.outputs = idea.expectedResults.map((t) => ({ id: newId(), text: t, assumptions: '', indicators: [], objectiveId: null }));
  content.activities = idea.mainActivities.map((t) => ({
    id: newId(),
    outputId: null,
    text: t,
    partnerId: null,
    startMonth: null,
    endMonth: null,
    assumptions: '',
  }));
  return content;
}

/** A new document holding `content`. */
export function docFromContent(content: ProposalContent): Y.Doc {
  const doc = new Y.Doc();
  writeProposalContent(doc, content);
  return doc;
}
