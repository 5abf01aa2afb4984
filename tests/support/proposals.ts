import type { App } from '@partnera/server';
import type { Ack, ClientToServerEvents, ProposalDetail, ProposalOpenAnswer } from '@partnera/server/api-types';
import * as Y from 'yjs';
import { addMember, createOrganisation, registerUser, type TestUser } from './factories';
import { createPublishedIdea } from './plan-factories';
import type { ClientSocket } from './rooms';

/** An idea with a full project-summary matrix (objectives, results, activities, budget). */
export function ideaForProposal(overrides: Record<string, unknown> = {}) {
  return {
    overallObjective: 'Cleaner air in the town',
    specificObjectives: ['Plant 500 trees', 'Teach pupils about air quality'],
    targetGroups: ['pupils', 'teachers'],
    expectedResults: ['500 trees planted', '20 school lessons held'],
    mainActivities: ['Planting days', 'School lessons'],
    budget: '12000.00',
    currency: 'EUR',
    durationMonths: 12,
    ...overrides,
  };
}

export interface ProposalSetup {
  owner: TestUser;
  leadOrg: { id: string; name: string };
  ideaId: string;
  proposal: ProposalDetail;
}

/** A lead NGO owned by a fresh user, a published idea, and the proposal made from it. */
export async function createProposal(app: App, options: { owner?: TestUser; language?: string } = {}): Promise<ProposalSetup> {
  const owner = options.owner ?? (await registerUser(app, { displayName: 'Lea Lead' }));
  const leadOrg = await createOrganisation(app, owner);
  const idea = await createPublishedIdea(app, owner, leadOrg.id, ideaForProposal({ language: options.language ?? 'en' }));
  const res = await app.inject({ method: 'POST', url: `/api/v1/ideas/${idea.id}/proposal`, headers: owner.auth });
  if (res.statusCode !== 201) throw new Error(`create proposal failed: ${res.statusCode} ${res.body}`);
  return { owner, leadOrg, ideaId: idea.id, proposal: res.json<ProposalDetail>() };
}

/** A partner organisation (owned by a fresh user) invited to the proposal and accepted. */
export async function addAcceptedPartner(app: App, setup: ProposalSetup, displayName = 'Pavel Partner') {
  const user = await registerUser(app, { displayName });
  const org = await createOrganisation(app, user, { kind: 'municipality', territoryCode: 'BG-03-01' });
  const invite = await app.inject({
    method: 'POST',
    url: `/api/v1/proposals/${setup.proposal.id}/partners`,
    headers: setup.owner.auth,
    payload: { organisationId: org.id, role: 'partner' },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const accept = await app.inject({ method: 'POST', url: `/api/v1/proposals/${setup.proposal.id}/partners/${org.id}/accept`, headers: user.auth });
  if (accept.statusCode !== 200) throw new Error(`accept failed: ${accept.statusCode} ${accept.body}`);
  return { user, org };
}

export { addMember };

type ProposalEvent = 'proposal:open' | 'proposal:update' | 'proposal:close';
type AckOf<E extends ProposalEvent> = Parameters<ClientToServerEvents[E]>[1] extends ((answer: infer A) => void) | undefined ? A : never;

/** Emits a proposal event and waits (bounded) for its ack. */
export function emitAck<E extends ProposalEvent>(socket: ClientSocket, event: E, payload: Parameters<ClientToServerEvents[E]>[0], timeoutMs = 5_000): Promise<AckOf<E>> {
  const timed = socket.timeout(timeoutMs) as unknown as { emit(e: E, p: unknown, cb: (err: Error | null, answer: AckOf<E>) => void): void };
  return new Promise((resolve, reject) => timed.emit(event, payload, (err, answer) => (err ? reject(err) : resolve(answer))));
}

/**
 * A proposal editor as the web app builds one: a Y.Doc that sends its own changes as `proposal:update`
 * and applies the server's; opening sends the state vector and returns what the server lacked.
 */
export class ProposalEditor {
  readonly doc = new Y.Doc();
  readonly errors: string[] = [];
  opened: (Ack<ProposalOpenAnswer> & { ok: true }) | null = null;
  private socket: ClientSocket | null = null;
  private readonly pending: Array<Promise<unknown>> = [];

  constructor(readonly proposalId: string) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote' || !this.socket?.connected) return; // offline edits stay in the doc until reopening
      this.pending.push(this.send(update));
    });
  }

  async attach(socket: ClientSocket): Promise<ProposalOpenAnswer> {
    this.socket = socket;
    socket.on('proposal:update', ({ proposalId, update }) => {
      if (proposalId === this.proposalId) Y.applyUpdate(this.doc, new Uint8Array(update), 'remote');
    });
    const answer = await emitAck(socket, 'proposal:open', { proposalId: this.proposalId, stateVector: Y.encodeStateVector(this.doc) });
    if (!answer.ok) throw new Error(`open failed: ${answer.code}: ${answer.detail}`);
    this.opened = answer;
    Y.applyUpdate(this.doc, new Uint8Array(answer.update), 'remote');
    // Send back what the server lacks (edits made while offline).
    const missing = Y.encodeStateAsUpdate(this.doc, new Uint8Array(answer.stateVector));
    if (missing.length > 2) await this.send(missing);
    return answer;
  }

  detach(): void {
    this.socket?.close();
    this.socket = null;
  }

  private async send(update: Uint8Array): Promise<void> {
    const answer = await emitAck(this.socket!, 'proposal:update', { proposalId: this.proposalId, update });
    if (!answer.ok) this.errors.push(answer.code);
  }

  /** Waits until every update sent so far was acknowledged. */
  async flush(): Promise<void> {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
  }

  text(path: (doc: Y.Doc) => Y.Text): Y.Text {
    return path(this.doc);
  }
}

/** The description of the summary, the usual field tests type into. */
export const description = (doc: Y.Doc) => doc.getMap('summary').get('description') as Y.Text;
