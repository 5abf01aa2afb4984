import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import { createOrganisation, type TestUser } from './factories';

/** Fastify's inject reply. */
export type Reply = Awaited<ReturnType<App['inject']>>;

export interface PlanDto {
  id: string;
  organisation: { id: string; name: string; kind: string; country: string; territoryCode: string | null };
  title: string;
  description: string;
  language: string;
  periodStart: number;
  periodEnd: number;
  status: 'draft' | 'published' | 'archived';
  measureCount: number;
  version: number;
  publishedAt: string | null;
  canEdit: boolean;
}

export interface PlanItemDto {
  id: string;
  parentId: string | null;
  level: 'priority' | 'objective' | 'measure';
  code: string;
  title: string;
  description: string;
  indicators: string[];
  budget: string | null;
  currency: string | null;
  position: number;
  version: number;
  linkedIdeas: number;
}

export interface PlanDetailDto extends PlanDto {
  items: PlanItemDto[];
}

export interface LinkDto {
  id: string;
  status: 'proposed' | 'confirmed' | 'rejected';
  proposedBySide: 'idea' | 'plan';
  note: string;
  idea: { id: string; title: string };
  measure: { id: string; code: string; title: string };
  plan: { id: string; title: string; organisationId: string };
  decidedAt: string | null;
  canDecide: boolean;
  canWithdraw: boolean;
}

export interface IdeaDto {
  id: string;
  title: string;
  summary: string;
  organisation: { id: string; name: string };
  places: Array<{ code: string; nameLocal: string; nameEn: string; country: string }>;
  themes: string[];
  budget: string | null;
  currency: string | null;
  status: 'draft' | 'published' | 'archived';
  confirmedLinks: number;
  publishedAt: string | null;
  problem: string;
  overallObjective: string;
  specificObjectives: string[];
  targetGroups: string[];
  expectedResults: string[];
  mainActivities: string[];
  coauthors: Array<{ id: string; name: string; kind: string }>;
  links: LinkDto[];
  version: number;
  myRole: 'owner' | 'editor' | 'member' | null;
  canEdit: boolean;
}

export interface Problem {
  status: number;
  code: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** A short unique word for text filters, so lists on a shared database only show this test's rows. */
export const uniqueTag = (label = 'tag') => `${label}${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** A municipality (or regional council) owned by `user`. */
export function createMunicipality(app: App, user: TestUser, overrides: Record<string, unknown> = {}) {
  return createOrganisation(app, user, { kind: 'municipality', name: `Municipality ${randomUUID().slice(0, 8)}`, territoryCode: 'BG-03-01', ...overrides });
}

export async function createPlan(app: App, user: TestUser, organisationId: string, overrides: Record<string, unknown> = {}): Promise<PlanDto> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/plans',
    headers: user.auth,
    payload: { organisationId, title: `Development plan ${randomUUID().slice(0, 8)}`, language: 'bg', periodStart: 2021, periodEnd: 2027, ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`create plan failed: ${res.statusCode} ${res.body}`);
  return res.json<PlanDto>();
}

export async function addItem(app: App, user: TestUser, planId: string, code: string, overrides: Record<string, unknown> = {}): Promise<PlanItemDto> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/items`, headers: user.auth, payload: { code, title: `Item ${code}`, ...overrides } });
  if (res.statusCode !== 201) throw new Error(`add item ${code} failed: ${res.statusCode} ${res.body}`);
  return res.json<PlanItemDto>();
}

export async function getPlan(app: App, user: TestUser | null, planId: string): Promise<PlanDetailDto> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}`, headers: user?.auth ?? {} });
  if (res.statusCode !== 200) throw new Error(`get plan failed: ${res.statusCode} ${res.body}`);
  return res.json<PlanDetailDto>();
}

export async function patchPlan(app: App, user: TestUser, planId: string, payload: Record<string, unknown>): Promise<PlanDto> {
  const current = await getPlan(app, user, planId);
  const res = await app.inject({ method: 'PATCH', url: `/api/v1/plans/${planId}`, headers: { ...user.auth, ...ifMatch(current.version) }, payload });
  if (res.statusCode !== 200) throw new Error(`patch plan failed: ${res.statusCode} ${res.body}`);
  return res.json<PlanDto>();
}

/**
 * A plan with priority 1, objective 1.1 and measures 1.1.1 and 1.1.2 (and objective 1.2 with measure 1.2.1),
 * published unless `publish` is false.
 */
export async function createPlanWithMeasures(app: App, user: TestUser, organisationId: string, options: { publish?: boolean; overrides?: Record<string, unknown> } = {}) {
  const plan = await createPlan(app, user, organisationId, options.overrides);
  const items: Record<string, PlanItemDto> = {};
  for (const code of ['1', '1.1', '1.1.1', '1.1.2', '1.2', '1.2.1']) items[code] = await addItem(app, user, plan.id, code, { title: `Measure title ${code}` });
  const final = options.publish === false ? plan : await patchPlan(app, user, plan.id, { status: 'published' });
  const item = (code: string) => {
    const found = items[code];
    if (!found) throw new Error(`no item ${code}`);
    return found;
  };
  return { plan: final, item };
}

/** Every field a published idea needs. */
export function completeIdea(overrides: Record<string, unknown> = {}) {
  return {
    title: `Youth centre ${randomUUID().slice(0, 8)}`,
    summary: 'A youth centre in the old school building.',
    problem: 'Young people have nowhere to meet after school.',
    overallObjective: 'Keep young people in the town.',
    places: ['BG-03-01'],
    themes: ['youth'],
    language: 'en',
    ...overrides,
  };
}

export async function createIdea(app: App, user: TestUser, organisationId: string, overrides: Record<string, unknown> = {}): Promise<IdeaDto> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/ideas', headers: user.auth, payload: { organisationId, ...completeIdea(overrides) } });
  if (res.statusCode !== 201) throw new Error(`create idea failed: ${res.statusCode} ${res.body}`);
  return res.json<IdeaDto>();
}

export const createPublishedIdea = (app: App, user: TestUser, organisationId: string, overrides: Record<string, unknown> = {}) =>
  createIdea(app, user, organisationId, { status: 'published', ...overrides });

export async function getIdea(app: App, user: TestUser | null, ideaId: string): Promise<IdeaDto> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/ideas/${ideaId}`, headers: user?.auth ?? {} });
  if (res.statusCode !== 200) throw new Error(`get idea failed: ${res.statusCode} ${res.body}`);
  return res.json<IdeaDto>();
}

export async function proposeLink(app: App, user: TestUser, ideaId: string, measureId: string, note?: string): Promise<Reply> {
  return app.inject({ method: 'POST', url: `/api/v1/ideas/${ideaId}/links`, headers: user.auth, payload: { measureId, ...(note !== undefined && { note }) } });
}

export function decideLink(app: App, user: TestUser, linkId: string, decision: 'confirmed' | 'rejected'): Promise<Reply> {
  return app.inject({ method: 'POST', url: `/api/v1/links/${linkId}/decision`, headers: user.auth, payload: { decision } });
}

export interface NotificationDto {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  link: string | null;
}

export async function notificationsOf(app: App, user: TestUser): Promise<NotificationDto[]> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/notifications?limit=100', headers: user.auth });
  if (res.statusCode !== 200) throw new Error(`notifications failed: ${res.statusCode} ${res.body}`);
  return res.json<{ items: NotificationDto[] }>().items;
}
