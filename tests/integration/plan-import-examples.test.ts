import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { createOrganisation, registerUser } from '../support/factories';

/** The example files the README points to must import as documented. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const example = (name: string) => readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8');

it('imports both documented example files, and a second import changes nothing', async () => {
  const user = await registerUser(t.app);
  const org = await createOrganisation(t.app, user, { kind: 'municipality' });
  for (const [file, contentType] of [['plan-import.csv', 'text/csv'], ['plan-import.json', 'application/json']] as const) {
    const plan = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: user.auth,
      payload: { organisationId: org.id, title: `Example ${file}`, language: 'en', periodStart: 2021, periodEnd: 2027 },
    });
    const url = `/api/v1/plans/${plan.json().id}/import`;
    const first = await t.app.inject({ method: 'POST', url, headers: { ...user.auth, 'content-type': contentType }, payload: example(file) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created).toBe(first.json().total);
    const again = await t.app.inject({ method: 'POST', url, headers: { ...user.auth, 'content-type': contentType }, payload: example(file) });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: first.json().total });
  }
  const tree = await t.app.inject({ method: 'GET', url: '/api/v1/plans?organisation=' + org.id, headers: user.auth });
  expect(tree.json().items.map((p: { measureCount: number }) => p.measureCount).sort()).toEqual([1, 3]);
});
