import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import { addMember, createOrganisation, registerUser, type TestUser } from './factories';
import { createPublishedIdea, ifMatch, type Reply } from './plan-factories';

export interface RoundDto {
  id: string;
  title: string;
  organisation: { id: string; name: string };
  regionCode: string | null;
  status: 'collecting' | 'reviewing' | 'decided' | 'published';
  scale: number;
  blind: boolean;
  version: number;
  criteria: Array<{ id: string; name: string; weight: number }>;
  reviewers: Array<{ id: string; displayName: string; submitted: number; conflicts: number; expected: number }>;
  entries: EntryDto[];
  canManage: boolean;
  isReviewer: boolean;
}

export interface EntryDto {
  id: string;
  idea: { id: string; title: string };
  addedSide: 'owner' | 'council';
  decision: 'shortlisted' | 'rejected' | 'deferred' | null;
  decisionReason: string;
  myReview: 'none' | 'pending' | 'submitted' | 'conflict';
  myConflict: { automatic: boolean; note: string } | null;
}

export interface RankingRowDto {
  entryId: string;
  idea: { id: string; title: string };
  rank: number | null;
  total: number | null;
  means: Array<number | null>;
  tie: 'resolved' | 'unresolved' | null;
  disagreement: string[];
  decision: string | null;
  hidden: boolean;
}

/** A regional council (region BG-03) with an owner, an editor, two members (reviewers) and a bystander member. */
export async function createCouncil(app: App) {
  const owner = await registerUser(app, { displayName: 'Council Owner' });
  const editor = await registerUser(app, { displayName: 'Council Editor' });
  const reviewerA = await registerUser(app, { displayName: `Reviewer Ana ${randomUUID().slice(0, 4)}` });
  const reviewerB = await registerUser(app, { displayName: `Reviewer Boris ${randomUUID().slice(0, 4)}` });
  const member = await registerUser(app, { displayName: 'Council Member' });
  const org = await createOrganisation(app, owner, { kind: 'regional_council', name: `Council ${randomUUID().slice(0, 8)}`, territoryCode: 'BG-03' });
  await addMember(app, owner, org.id, editor, 'editor');
  await addMember(app, owner, org.id, reviewerA, 'member');
  await addMember(app, owner, org.id, reviewerB, 'member');
  await addMember(app, owner, org.id, member, 'member');
  return { orgId: org.id, owner, editor, reviewerA, reviewerB, member };
}

/** An NGO with an editor and a published idea in Aksakovo (region BG-03). */
export async function createIdeaOwner(app: App, overrides: Record<string, unknown> = {}) {
  const owner = await registerUser(app, { displayName: 'Idea Owner' });
  const org = await createOrganisation(app, owner, { kind: 'ngo' });
  const idea = await createPublishedIdea(app, owner, org.id, overrides);
  return { owner, orgId: org.id, idea };
}

export const standardCriteria = [
  { name: 'Relevance to plan priorities', weight: 30 },
  { name: 'Partnership', weight: 20 },
  { name: 'Feasibility', weight: 20 },
  { name: 'Budget realism', weight: 15 },
  { name: 'Sustainability', weight: 15 },
];

export async function createRound(app: App, user: TestUser, orgId: string, overrides: Record<string, unknown> = {}): Promise<RoundDto> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/shortlists',
    headers: user.auth,
    payload: { organisationId: orgId, title: `Call ${randomUUID().slice(0, 8)}`, regionCode: 'BG-03', criteria: standardCriteria, scale: 5, ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`create round failed: ${res.statusCode} ${res.body}`);
  return res.json<RoundDto>();
}

export async function getRound(app: App, user: TestUser | null, id: string): Promise<RoundDto> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/shortlists/${id}`, headers: user?.auth ?? {} });
  if (res.statusCode !== 200) throw new Error(`get round failed: ${res.statusCode} ${res.body}`);
  return res.json<RoundDto>();
}

export function addEntry(app: App, user: TestUser, roundId: string, ideaId: string): Promise<Reply> {
  return app.inject({ method: 'POST', url: `/api/v1/shortlists/${roundId}/entries`, headers: user.auth, payload: { ideaId } });
}

export function setStatus(app: App, user: TestUser, roundId: string, status: string): Promise<Reply> {
  return app.inject({ method: 'POST', url: `/api/v1/shortlists/${roundId}/status`, headers: user.auth, payload: { status } });
}

/** Scores every criterion in order with `scores` (comments optional). */
export function review(app: App, user: TestUser, round: RoundDto, entryId: string, scores: number[], comment = ''): Promise<Reply> {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/shortlists/${round.id}/entries/${entryId}/review`,
    headers: user.auth,
    payload: { scores: round.criteria.map((c, i) => ({ criterionId: c.id, score: scores[i], comment })) },
  });
}

export function decide(app: App, user: TestUser, roundId: string, entryId: string, decision: string, reason?: string): Promise<Reply> {
  return app.inject({ method: 'POST', url: `/api/v1/shortlists/${roundId}/entries/${entryId}/decision`, headers: user.auth, payload: { decision, ...(reason !== undefined && { reason }) } });
}

export async function ranking(app: App, user: TestUser, roundId: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/shortlists/${roundId}/ranking`, headers: user.auth });
  if (res.statusCode !== 200) throw new Error(`ranking failed: ${res.statusCode} ${res.body}`);
  return res.json<{ rows: RankingRowDto[]; unresolvedTies: string[][] }>();
}

export function patchRound(app: App, user: TestUser, round: { id: string; version: number }, payload: Record<string, unknown>): Promise<Reply> {
  return app.inject({ method: 'PATCH', url: `/api/v1/shortlists/${round.id}`, headers: { ...user.auth, ...ifMatch(round.version) }, payload });
}
