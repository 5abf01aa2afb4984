import type { BudgetCategory } from '@partnera/server/api-types';
import * as Y from 'yjs';

/** The live proposal body as Yjs types (see the contract in the proposals schema): texts stay Y.Text. */
export const SUMMARY_KEYS = ['description', 'targetGroups', 'place', 'totalValue', 'currency', 'durationMonths', 'period'] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];
export const BUDGET_CATEGORIES: readonly BudgetCategory[] = ['staff', 'travel', 'equipment', 'services', 'works', 'other'];
export const CURRENCIES = ['BGN', 'EUR', 'ALL', 'AZN', 'USD'] as const;

export type YMap = Y.Map<unknown>;

export interface IndicatorView {
  id: string;
  map: YMap;
  name: Y.Text;
  baseline: Y.Text;
  target: Y.Text;
  verification: Y.Text;
}
export interface LevelView {
  id: string;
  map: YMap;
  text: Y.Text;
  assumptions: Y.Text;
  indicators: IndicatorView[];
  indicatorArray: Y.Array<YMap> | null;
}
export interface OutputView extends LevelView {
  objectiveId: string | null;
}
export interface ActivityView {
  id: string;
  map: YMap;
  text: Y.Text;
  assumptions: Y.Text;
  outputId: string | null;
  partnerId: string | null;
  startMonth: number | null;
  endMonth: number | null;
}
export interface BudgetView {
  id: string;
  map: YMap;
  description: Y.Text;
  category: BudgetCategory;
  partnerId: string | null;
  amount: number;
  cofinancing: number;
}
export interface DocView {
  summary: Record<SummaryKey, Y.Text>;
  overall: LevelView;
  objectives: LevelView[];
  outputs: OutputView[];
  activities: ActivityView[];
  budget: BudgetView[];
}

export const newId = () => crypto.randomUUID();

/** A detached Y.Text stands in for a missing one, so a half-seeded document still renders (read-only there). */
const textOf = (map: YMap, key: string): Y.Text => {
  const v = map.get(key);
  return v instanceof Y.Text ? v : new Y.Text();
};
const idOf = (map: YMap): string => {
  const v = map.get('id');
  return typeof v === 'string' ? v : '';
};
const maybeId = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const maybeInt = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const mapsIn = (array: unknown): YMap[] => (array instanceof Y.Array ? array.toArray().filter((m): m is YMap => m instanceof Y.Map) : []);

function readLevel(map: YMap): LevelView {
  const arr = map.get('indicators');
  return {
    id: idOf(map),
    map,
    text: textOf(map, 'text'),
    assumptions: textOf(map, 'assumptions'),
    indicatorArray: arr instanceof Y.Array ? (arr as Y.Array<YMap>) : null,
    indicators: mapsIn(arr).map((m) => ({
      id: idOf(m),
      map: m,
      name: textOf(m, 'name'),
      baseline: textOf(m, 'baseline'),
      target: textOf(m, 'target'),
      verification: textOf(m, 'verification'),
    })),
  };
}

/** A snapshot of the structure (not the texts, which are bound live) for rendering. */
export function readDoc(doc: Y.Doc): DocView {
  const summary = doc.getMap<unknown>('summary');
  return {
    summary: Object.fromEntries(SUMMARY_KEYS.map((k) => [k, textOf(summary, k)])) as Record<SummaryKey, Y.Text>,
    overall: readLevel(doc.getMap<unknown>('overall')),
    objectives: mapsIn(doc.getArray('objectives')).map(readLevel),
    outputs: mapsIn(doc.getArray('outputs')).map((m) => ({ ...readLevel(m), objectiveId: maybeId(m.get('objectiveId')) })),
    activities: mapsIn(doc.getArray('activities')).map((m) => ({
      id: idOf(m),
      map: m,
      text: textOf(m, 'text'),
      assumptions: textOf(m, 'assumptions'),
      outputId: maybeId(m.get('outputId')),
      partnerId: maybeId(m.get('partnerId')),
      startMonth: maybeInt(m.get('startMonth')),
      endMonth: maybeInt(m.get('endMonth')),
    })),
    budget: mapsIn(doc.getArray('budget')).map((m) => {
      const category = m.get('category');
      return {
        id: idOf(m),
        map: m,
        description: textOf(m, 'description'),
        category: BUDGET_CATEGORIES.includes(category as BudgetCategory) ? (category as BudgetCategory) : 'other',
        partnerId: maybeId(m.get('partnerId')),
        amount: num(m.get('amount')),
        cofinancing: num(m.get('cofinancing')),
      };
    }),
  };
}

export function indicatorMap(): YMap {
  const m = new Y.Map<unknown>();
  m.set('id', newId());
  for (const k of ['name', 'baseline', 'target', 'verification']) m.set(k, new Y.Text());
  return m;
}

export function levelMap(extra: Record<string, unknown> = {}): YMap {
  const m = new Y.Map<unknown>();
  m.set('id', newId());
  m.set('text', new Y.Text());
  m.set('assumptions', new Y.Text());
  m.set('indicators', new Y.Array<YMap>());
  for (const [k, v] of Object.entries(extra)) m.set(k, v);
  return m;
}

export function activityMap(outputId: string | null = null): YMap {
  const m = new Y.Map<unknown>();
  m.set('id', newId());
  m.set('outputId', outputId);
  m.set('text', new Y.Text());
  m.set('partnerId', null);
  m.set('startMonth', null);
  m.set('endMonth', null);
  m.set('assumptions', new Y.Text());
  return m;
}

export function budgetLineMap(category: BudgetCategory = 'other'): YMap {
  const m = new Y.Map<unknown>();
  m.set('id', newId());
  m.set('category', category);
  m.set('description', new Y.Text());
  m.set('partnerId', null);
  m.set('amount', 0);
  m.set('cofinancing', 0);
  return m;
}

/** Fills in what a level needs to be edited (an older or half-seeded document may lack some of it). */
export function ensureLevel(map: YMap): void {
  if (typeof map.get('id') !== 'string') map.set('id', newId());
  if (!(map.get('text') instanceof Y.Text)) map.set('text', new Y.Text());
  if (!(map.get('assumptions') instanceof Y.Text)) map.set('assumptions', new Y.Text());
  if (!(map.get('indicators') instanceof Y.Array)) map.set('indicators', new Y.Array());
}

/** Moves an item of a Y.Array: Yjs has no move, so the item is copied to its new place and the old one removed. */
export function moveItem(array: Y.Array<YMap>, from: number, to: number): void {
  if (to < 0 || to >= array.length || from === to) return;
  const doc = array.doc;
  const run = () => {
    const item = array.get(from);
    const copy = item.clone();
    array.delete(from, 1);
    array.insert(to, [copy]);
  };
  if (doc) doc.transact(run);
  else run();
}

/** Sum of amounts per key, in insertion order. */
export function totalsBy<T>(items: readonly T[], key: (item: T) => string, amount: (item: T) => number): Array<[string, number]> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + amount(item));
  return [...out];
}
