import type {
  ContentLanguage,
  CreateItemBody,
  CreatePlanBody,
  Currency,
  ImportResult,
  MeasureLink,
  PageOf,
  PlanDetail,
  PlanItem,
  PlanStatus,
  PlanSummary,
  UpdateItemBody,
  UpdatePlanBody,
} from '@partnera/server/api-types';
import { api, upload } from './client';

export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'published', 'archived'];
export const CONTENT_LANGUAGES: readonly ContentLanguage[] = ['bg', 'sq', 'az', 'en'];
export const CURRENCIES: readonly Currency[] = ['BGN', 'EUR', 'ALL', 'AZN', 'USD'];

/** Limits from server/src/schemas/plans.ts, shown in the forms. */
export const PLAN_LIMITS = {
  titleMin: 3,
  titleMax: 300,
  descriptionMax: 10_000,
  itemTitleMax: 500,
  itemDescriptionMax: 10_000,
  indicatorMax: 500,
  indicatorsMax: 30,
  yearMin: 1990,
  yearMax: 2100,
  periodMaxYears: 30,
} as const;

/** Dotted plan code: "2" priority, "2.3" objective, "2.3.1" measure. */
export const ITEM_CODE_PATTERN = /^[0-9A-Za-z]{1,10}(\.[0-9A-Za-z]{1,10}){0,2}$/;
/** Decimal amount with at most two decimals, as the API takes it. */
export const AMOUNT_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

export type ItemLevel = PlanItem['level'];
export const LEVELS: readonly ItemLevel[] = ['priority', 'objective', 'measure'];

/** The level a code stands for, or null when it is not a valid code. */
export function levelOfCode(code: string): ItemLevel | null {
  if (!ITEM_CODE_PATTERN.test(code)) return null;
  return LEVELS[code.split('.').length - 1] ?? null;
}

export interface PlanFilters {
  organisation?: string;
  country?: string;
  region?: string;
  municipality?: string;
  status?: string;
  year?: number;
  q?: string;
  limit?: number;
  cursor?: string;
}

const planPath = (id: string) => `/plans/${encodeURIComponent(id)}`;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const plansApi = {
  list: (filters: PlanFilters, signal?: AbortSignal) =>
    api<PageOf<PlanSummary>>('/plans', { query: { ...filters }, signal }),
  get: (id: string) => api<PlanDetail>(planPath(id)),
  create: (body: CreatePlanBody) => api<PlanSummary>('/plans', { method: 'POST', body }),
  update: (id: string, version: number, body: UpdatePlanBody) =>
    api<PlanSummary>(planPath(id), { method: 'PATCH', body, headers: ifMatch(version) }),
  remove: (id: string) => api<void>(planPath(id), { method: 'DELETE' }),
  addItem: (id: string, body: CreateItemBody) => api<PlanItem>(`${planPath(id)}/items`, { method: 'POST', body }),
  updateItem: (id: string, itemId: string, version: number, body: UpdateItemBody) =>
    api<PlanItem>(`${planPath(id)}/items/${encodeURIComponent(itemId)}`, {
      method: 'PATCH',
      body,
      headers: ifMatch(version),
    }),
  deleteItem: (id: string, itemId: string) =>
    api<void>(`${planPath(id)}/items/${encodeURIComponent(itemId)}`, { method: 'DELETE' }),
  reorder: (id: string, parentId: string | null, orderedIds: string[]) =>
    api<void>(`${planPath(id)}/items/reorder`, { method: 'POST', body: { parentId, orderedIds } }),
  /** Uploads a CSV or JSON file with progress; all or nothing on the server. */
  import: (
    id: string,
    file: Blob,
    kind: 'csv' | 'json',
    handlers: { onProgress?: (loaded: number, total: number) => void; onUploaded?: () => void; signal?: AbortSignal },
  ) =>
    upload<ImportResult>(`${planPath(id)}/import`, {
      body: file,
      contentType: kind === 'csv' ? 'text/csv' : 'application/json',
      ...handlers,
    }),
  links: (id: string, status?: MeasureLink['status']) =>
    api<{ items: MeasureLink[] }>(`${planPath(id)}/links`, { query: { status } }).then((r) => r.items),
};

export const linksApi = {
  decide: (linkId: string, decision: 'confirmed' | 'rejected') =>
    api<MeasureLink>(`/links/${encodeURIComponent(linkId)}/decision`, { method: 'POST', body: { decision } }),
  withdraw: (linkId: string) => api<void>(`/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),
};

export interface TreeNode {
  item: PlanItem;
  children: TreeNode[];
}

/** Builds the priority → objective → measure tree from the flat item list (ordered by position). */
export function buildTree(items: readonly PlanItem[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>(items.map((i) => [i.id, { item: i, children: [] }]));
  const roots: TreeNode[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId ? nodes.get(item.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.item.position - b.item.position || a.item.code.localeCompare(b.item.code, 'en', { numeric: true }));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
