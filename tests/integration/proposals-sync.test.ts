import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@partnera/db';
import type { App } from '@partnera/server';
import type { CompletenessCheck, ProposalDetail } from '@partnera/server/api-types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer } from '../support/app';
import { testDatabase } from '../support/db';
import { registerUser, type TestUser } from '../support/factories';
import { addAcceptedPartner, createProposal, description, emitAck, ProposalEditor } from '../support/proposals';
import { collect, connect, nextEvent, redisUrl, waitFor, type ClientSocket } from '../support/rooms';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let app: App;
const sockets: ClientSocket[] = [];

// One signing secret and one database for both servers of the restart test, so the users and their tokens
// stay valid (an embedded database lives only as long as its handle).
const jwtSecret = `proposal-sync-${randomUUID()}-${randomUUID()}`;
let database: DatabaseHandle;
const start = () => startTestServer({ config: { redisUrl, jwtSecret }, database });

beforeAll(async () => {
  database = await testDatabase(8);
  server = await start();
  app = server.app;
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function socketOf(user: TestUser, url = server.url): Promise<ClientSocket> {
  const socket = await connect(url, user.token);
  sockets.push(socket);
  return socket;
}

async function editorFor(user: TestUser, proposalId: string, url = server.url): Promise<ProposalEditor> {
  const editor = new ProposalEditor(proposalId);
  await editor.attach(await socketOf(user, url));
  return editor;
}

async function storedRows(proposalId: string): Promise<number> {
  const row = await app.db
    .selectFrom('proposal_doc_updates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('proposal_id', '=', proposalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function serverDescription(user: TestUser, proposalId: string, a: App = app): Promise<string> {
  const res = await a.inject({ method: 'GET', url: `/api/v1/proposals/${proposalId}`, headers: user.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProposalDetail>().content.summary.description;
}

/** Two partners (lead owner and an accepted partner) on a fresh proposal. */
async function twoPartners() {
  const setup = await createProposal(app);
  const { user: partner } = await addAcceptedPartner(app, setup);
  return { ...setup, partner };
}

describe('live co-editing over socket.io', () => {
  it('two editors typing into the same text at the same time converge on text holding both edits', async () => {
    const { proposal, owner, partner } = await twoPartners();
    const a = await editorFor(owner, proposal.id);
    const b = await editorFor(partner, proposal.id);
    const original = proposal.content.summary.description;
    expect(description(a.doc).toString()).toBe(original);
    expect(description(b.doc).toString()).toBe(original);

    // Interleaved keystrokes, none waiting for the server: A types at the start, B at the end.
    const wordA = 'Alpha ';
    const wordB = ' Beta';
    for (let i = 0; i < Math.max(wordA.length, wordB.length); i++) {
      if (i < wordA.length) description(a.doc).insert(i, wordA[i]!);
      if (i < wordB.length) description(b.doc).insert(description(b.doc).length, wordB[i]!);
    }
    await Promise.all([a.flush(), b.flush()]);
    const expected = `${wordA}${original}${wordB}`;
    await waitFor(() => description(a.doc).toString() === expected && description(b.doc).toString() === expected, 10_000, 'both editors to converge');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(await serverDescription(owner, proposal.id)).toBe(expected);

    // Both typing at the very same position: both words survive, in the same order for both.
    description(a.doc).insert(0, 'one ');
    description(b.doc).insert(0, 'two ');
    await Promise.all([a.flush(), b.flush()]);
    await waitFor(() => description(a.doc).toString() === description(b.doc).toString(), 10_000, 'convergence at one position');
    const both = description(a.doc).toString();
    expect(both.startsWith('one two ') || both.startsWith('two one ')).toBe(true);
    expect(await serverDescription(owner, proposal.id)).toBe(both);
  });

  it('an editor who was offline merges its edits on reconnect without losing anyone’s', async () => {
    const { proposal, owner, partner } = await twoPartners();
    const a = await editorFor(owner, proposal.id);
    const b = await editorFor(partner, proposal.id);
    const objectiveOf = (doc: Y.Doc) => ((doc.getArray('objectives').get(0) as Y.Map<unknown>).get('text') as Y.Text);

    a.detach();
    // Offline: A rewrites the overall objective and adds an objective; B edits the first objective meanwhile.
    const overallA = a.doc.getMap('overall').get('text') as Y.Text;
    overallA.insert(overallA.length, ' (offline edit)');
    objectiveOf(a.doc).insert(0, 'A: ');
    objectiveOf(b.doc).insert(objectiveOf(b.doc).length, ' — B online');
    await b.flush();

    await a.attach(await socketOf(owner));
    await a.flush();
    const want = (doc: Y.Doc) => objectiveOf(doc).toString() === 'A: Plant 500 trees — B online' && (doc.getMap('overall').get('text') as Y.Text).toString().endsWith('(offline edit)');
    await waitFor(() => want(a.doc) && want(b.doc), 10_000, 'offline edits to merge');
    expect(a.errors).toEqual([]);
    const stored = await app.inject({ method: 'GET', url: `/api/v1/proposals/${proposal.id}`, headers: partner.auth });
    const content = stored.json<ProposalDetail>().content;
    expect(content.objectives[0]!.text).toBe('A: Plant 500 trees — B online');
    expect(content.overall.text).toBe('Cleaner air in the town (offline edit)');
  });

  it('shows who is editing which section, and recomputes the checks after an edit that completes a rule', async () => {
    const { proposal, owner, partner } = await twoPartners();
    const a = await editorFor(owner, proposal.id);
    const bSocket = await socketOf(partner);
    const b = new ProposalEditor(proposal.id);
    const opened = await b.attach(bSocket);
    expect(opened.canEdit).toBe(true);
    expect(opened.checks.find((c) => c.code === 'output_indicator_target')?.ok).toBe(false);
    expect(opened.editors.map((e) => e.userId).sort()).toEqual([owner.id, partner.id].sort());

    const editors = nextEvent(bSocket, 'proposal:editors', ({ editors: list }) => list.some((e) => e.userId === owner.id && e.section === 'summary'), 10_000);
    a.detach();
    const aSocket = await socketOf(owner);
    await a.attach(aSocket);
    aSocket.emit('proposal:cursor', { proposalId: proposal.id, section: 'summary', field: 'description', index: 3, length: 0 });
    const seen = await editors;
    expect(seen.editors.find((e) => e.userId === owner.id)).toMatchObject({ displayName: 'Lea Lead', section: 'summary', field: 'description', index: 3 });

    // Adding an indicator with a target to the first output completes that output's rule.
    const output = a.doc.getArray('outputs').get(0) as Y.Map<unknown>;
    const outputId = output.get('id') as string;
    const checks = nextEvent(bSocket, 'proposal:checks', ({ checks: list }) =>
      list.some((c: CompletenessCheck) => c.code === 'output_indicator_target' && c.section === `output:${outputId}` && c.ok),
      10_000,
    );
    a.doc.transact(() => {
      const indicator = new Y.Map<unknown>();
      indicator.set('id', 'ind-1');
      for (const key of ['name', 'baseline', 'target', 'verification']) indicator.set(key, new Y.Text());
      (output.get('indicators') as Y.Array<Y.Map<unknown>>).push([indicator]);
      (indicator.get('name') as Y.Text).insert(0, 'Trees planted');
      (indicator.get('target') as Y.Text).insert(0, '500');
    });
    await a.flush();
    const arrived = await checks;
    expect(arrived.proposalId).toBe(proposal.id);

    // Closing makes the editor leave the list.
    const left = nextEvent(aSocket, 'proposal:editors', ({ editors: list }) => !list.some((e) => e.userId === partner.id), 10_000);
    expect((await emitAck(bSocket, 'proposal:close', { proposalId: proposal.id })).ok).toBe(true);
    await left;
  });
});

describe('who may edit', () => {
  it("refuses a non-partner's updates and stores nothing; readers open read-only", async () => {
    const { proposal, owner } = await twoPartners();
    const outsider = await registerUser(app, { displayName: 'Otto Outsider' });
    const reader = await registerUser(app, { displayName: 'Rita Reader' });
    expect((await app.inject({ method: 'POST', url: `/api/v1/proposals/${proposal.id}/readers`, headers: owner.auth, payload: { email: reader.email } })).statusCode).toBe(201);
    const before = await storedRows(proposal.id);

    const outsiderSocket = await socketOf(outsider);
    const refused = await emitAck(outsiderSocket, 'proposal:open', { proposalId: proposal.id, stateVector: new Uint8Array() });
    expect(refused).toMatchObject({ ok: false, code: 'not_found' });
    const stranger = new Y.Doc();
    (stranger.getMap('summary').set('description', new Y.Text('vandalised')));
    const update = Y.encodeStateAsUpdate(stranger);
    expect(await emitAck(outsiderSocket, 'proposal:update', { proposalId: proposal.id, update })).toMatchObject({ ok: false, code: 'forbidden' });

    const readerSocket = await socketOf(reader);
    const readerEditor = new ProposalEditor(proposal.id);
    const opened = await readerEditor.attach(readerSocket);
    expect(opened.canEdit).toBe(false);
    expect(description(readerEditor.doc).toString()).toBe(proposal.content.summary.description);
    expect(await emitAck(readerSocket, 'proposal:update', { proposalId: proposal.id, update })).toMatchObject({ ok: false, code: 'forbidden' });

    // A partner's malformed or oversized updates are refused too.
    const ownerSocket = await socketOf(owner);
    expect(await emitAck(ownerSocket, 'proposal:update', { proposalId: proposal.id, update: new Uint8Array([9, 9, 9, 9, 250, 1]) })).toMatchObject({ ok: false, code: 'invalid_update' });
    expect(await emitAck(ownerSocket, 'proposal:update', { proposalId: proposal.id, update: new Uint8Array(513 * 1024) })).toMatchObject({ ok: false, code: 'update_too_large' });
    expect(await emitAck(ownerSocket, 'proposal:update', { proposalId: proposal.id, update: 'text' as unknown as Uint8Array })).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await emitAck(ownerSocket, 'proposal:open', { proposalId: 'nope', stateVector: new Uint8Array() })).toMatchObject({ ok: false, code: 'validation_failed' });

    expect(await storedRows(proposal.id)).toBe(before);
    expect(await serverDescription(owner, proposal.id)).toBe(proposal.content.summary.description);
  });
});

describe('persistence', () => {
  it('compaction merges the stored updates into one without changing the content', async () => {
    const { proposal, owner, partner } = await twoPartners();
    const sync = app.services.proposalSync;
    // 230 small server-side edits (no rate limit on this path), as typing would store them.
    const doc = await sync.loadDoc(app.db, proposal.id);
    for (let i = 0; i < 230; i++) {
      const sv = Y.encodeStateVector(doc);
      description(doc).insert(description(doc).length, String(i % 10));
      if (i % 7 === 0) description(doc).delete(0, 1);
      (await sync.storeServerUpdate(app.db, proposal.id, Y.encodeStateAsUpdate(doc, sv), null))();
    }
    const contentBefore = await sync.loadContent(app.db, proposal.id);
    expect(await storedRows(proposal.id)).toBeGreaterThan(200);

    // The next client update pushes the count over the limit and compaction runs on its own.
    const editor = await editorFor(partner, proposal.id);
    expect(description(editor.doc).toString()).toBe(contentBefore.summary.description);
    description(editor.doc).insert(0, '!');
    await editor.flush();
    const deadline = Date.now() + 10_000;
    while ((await storedRows(proposal.id)) > 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await storedRows(proposal.id)).toBeLessThanOrEqual(2);
    const after = await sync.loadContent(app.db, proposal.id);
    expect(after).toEqual({ ...contentBefore, summary: { ...contentBefore.summary, description: `!${contentBefore.summary.description}` } });

    // An explicit compaction of what is left also keeps everything, and a fresh editor gets the same text.
    await sync.compact(proposal.id);
    expect(await storedRows(proposal.id)).toBe(1);
    expect(await sync.loadContent(app.db, proposal.id)).toEqual(after);
    const fresh = await editorFor(owner, proposal.id);
    expect(description(fresh.doc).toString()).toBe(after.summary.description);
  });

  it('the document survives a server restart', async () => {
    const { proposal, owner, partner } = await twoPartners();
    const editor = await editorFor(partner, proposal.id);
    description(editor.doc).insert(0, 'Persisted: ');
    await editor.flush();
    const text = description(editor.doc).toString();
    for (const s of sockets.splice(0)) s.close();

    await server.close();
    server = await start();
    app = server.app;

    const again = await editorFor(owner, proposal.id);
    expect(description(again.doc).toString()).toBe(text);
    expect(await serverDescription(owner, proposal.id)).toBe(text);
    // The reopened editor keeps co-editing on the new server.
    description(again.doc).insert(text.length, ' Still here.');
    await again.flush();
    expect(await serverDescription(owner, proposal.id)).toBe(`${text} Still here.`);
  });
});

describe('fan-out', () => {
  it('relays stored updates to other editors only, not back to the sender', async () => {
    const { proposal, owner, partner } = await twoPartners();
    const aSocket = await socketOf(owner);
    const a = new ProposalEditor(proposal.id);
    await a.attach(aSocket);
    const b = await editorFor(partner, proposal.id);
    const echoes = collect(aSocket, 'proposal:update');
    description(a.doc).insert(0, 'x');
    await a.flush();
    await waitFor(() => description(b.doc).toString().startsWith('x'), 10_000, 'the update to reach B');
    expect(echoes).toEqual([]);
  });
});

// Two servers sharing PostgreSQL and Redis, as behind a load balancer: updates, editors and checks cross between them.
describe.skipIf(!redisUrl)('two server processes (Redis adapter)', () => {
  it('editors connected to different servers see each other’s edits and presence', async () => {
    const { proposal, owner, partner } = await twoPartners();
    const other = await start();
    try {
      const a = await editorFor(owner, proposal.id);
      const bSocket = await socketOf(partner, other.url);
      const b = new ProposalEditor(proposal.id);
      const opened = await b.attach(bSocket);
      expect(opened.editors.map((e) => e.userId).sort()).toEqual([owner.id, partner.id].sort());

      description(a.doc).insert(0, 'From A. ');
      description(b.doc).insert(description(b.doc).length, ' From B.');
      await Promise.all([a.flush(), b.flush()]);
      await waitFor(() => description(a.doc).toString() === description(b.doc).toString(), 10_000, 'convergence across servers');
      expect(description(a.doc).toString()).toMatch(/^From A\. .* From B\.$/);

      const checks = nextEvent(bSocket, 'proposal:checks', () => true, 10_000);
      (a.doc.getMap('overall').get('text') as Y.Text).insert(0, 'Now: ');
      await a.flush();
      expect((await checks).proposalId).toBe(proposal.id);
    } finally {
      for (const s of sockets.splice(0)) s.close();
      await other.close();
    }
  });
});
