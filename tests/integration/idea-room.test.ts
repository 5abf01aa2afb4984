import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, registerUser } from '../support/factories';
import { createIdea, createPublishedIdea } from '../support/plan-factories';

/** Every published idea has one discussion room, opened when a signed-in reader first asks for it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('opens one public room per published idea, hosted by its author', async () => {
  const author = await registerUser(t.app);
  const reader = await registerUser(t.app);
  const org = await createOrganisation(t.app, author);
  const idea = await createPublishedIdea(t.app, author, org.id);

  const first = await t.app.inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/room`, headers: reader.auth });
  expect(first.statusCode).toBe(200);
  const again = await t.app.inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/room`, headers: author.auth });
  expect(again.json().roomId).toBe(first.json().roomId);

  const room = await t.app.inject({ method: 'GET', url: `/api/v1/rooms/${first.json().roomId}`, headers: reader.auth });
  expect(room.statusCode).toBe(200);
  expect(room.json()).toMatchObject({ kind: 'idea', visibility: 'public' });
  const members = await t.app.inject({ method: 'GET', url: `/api/v1/rooms/${first.json().roomId}/members`, headers: reader.auth });
  expect(members.json().items).toContainEqual(expect.objectContaining({ userId: author.id, role: 'host' }));
});

it('keeps drafts without a room and hides them from outsiders', async () => {
  const author = await registerUser(t.app);
  const outsider = await registerUser(t.app);
  const org = await createOrganisation(t.app, author);
  const draft = await createIdea(t.app, author, org.id);
  const url = `/api/v1/ideas/${draft.id}/room`;
  expect((await t.app.inject({ method: 'POST', url, headers: author.auth })).json().code).toBe('idea_not_published');
  expect((await t.app.inject({ method: 'POST', url, headers: outsider.auth })).statusCode).toBe(404);
  expect((await t.app.inject({ method: 'POST', url })).statusCode).toBe(401);
});
