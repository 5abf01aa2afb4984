import type { Static, TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Actor } from '../domain/policy';
import { AppError } from '../errors';
import * as S from '../schemas/proposals';
import type { ProposalEvents } from '../services/proposal-events';
import type { ProposalSyncService } from '../services/proposal-sync.service';
import { RateLimitedError } from '../services/rate-limiter';
import { proposalChannel, proposalIdOfChannel, userChannel } from './channels';
import type { Ack, AckError } from './events';
import type { Io, IoSocket } from './io';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Comings, goings and cursor moves within this window are announced together. */
const EDITORS_COALESCE_MS = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ajv = new Ajv({ allErrors: false, removeAdditional: false, strict: false, coerceTypes: false });
addFormats.default(ajv);

/**
 * Who has each proposal open and where they edit, read from the adapter (every process's connections,
 * through Redis when configured), like room presence: right across processes and self-healing.
 */
export class ProposalEditors {
  private pending = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly io: Io,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(proposalId: string): void {
    if (this.closed || this.pending.has(proposalId)) return;
    this.pending.set(
      proposalId,
      setTimeout(() => {
        this.pending.delete(proposalId);
        this.publish(proposalId).catch(this.onError);
      }, EDITORS_COALESCE_MS),
    );
  }

  async list(proposalId: string): Promise<S.ProposalEditor[]> {
    const sockets = await this.io.in(proposalChannel(proposalId)).fetchSockets();
    const byUser = new Map<string, S.ProposalEditor>();
    for (const s of sockets) {
      if (!s.data.userId) continue;
      const cursor = s.data.proposalCursors?.[proposalId];
      const editor: S.ProposalEditor = { userId: s.data.userId, displayName: s.data.displayName, section: cursor?.section ?? null };
      if (cursor?.field !== undefined) editor.field = cursor.field;
      if (cursor?.index !== undefined) editor.index = cursor.index;
      if (cursor?.length !== undefined) editor.length = cursor.length;
      // One entry per person; a tab where they are in a section wins over an idle one.
      const seen = byUser.get(editor.userId);
      if (!seen || (seen.section === null && editor.section !== null)) byUser.set(editor.userId, editor);
    }
    return [...byUser.values()].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
  }

  private async publish(proposalId: string): Promise<void> {
    if (this.closed) return;
    const editors = await this.list(proposalId);
    if (!this.closed) this.io.to(proposalChannel(proposalId)).emit('proposal:editors', { proposalId, editors });
  }

  close(): void {
    this.closed = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}

/** Proposal events as socket.io emits (through the Redis adapter, to every process's connections). */
export function socketProposalEvents(io: Io, editors: ProposalEditors): ProposalEvents {
  return {
    update(proposalId, update, userId, exceptSocketId) {
      const to = io.to(proposalChannel(proposalId));
      (exceptSocketId ? to.except(exceptSocketId) : to).emit('proposal:update', { proposalId, update, userId: userId ?? '' });
    },
    checks(proposalId, checks) {
      io.to(proposalChannel(proposalId)).emit('proposal:checks', { proposalId, checks });
    },
    meta(proposalId) {
      io.to(proposalChannel(proposalId)).emit('proposal:meta', { proposalId });
    },
    revoke(proposalId, userIds) {
      if (userIds.length === 0) return;
      io.in(userIds.map(userChannel)).socketsLeave(proposalChannel(proposalId));
      editors.schedule(proposalId);
    },
  };
}

export interface ProposalHandlerDeps {
  sync: ProposalSyncService;
  editors: ProposalEditors;
  log: Log;
}

function toAckError(error: unknown, log: Log): AckError {
  if (error instanceof RateLimitedError) return { ok: false, code: error.code, detail: error.message, retryAfterMs: error.retryAfterMs };
  if (error instanceof AppError) return { ok: false, code: error.code, detail: error.message };
  log.error({ err: error }, 'proposal socket event failed');
  return { ok: false, code: 'internal_error', detail: 'Something went wrong on our side; it has been logged' };
}

/** Socket.io hands Node a Buffer and browsers may send an ArrayBuffer or a typed array. */
function binary(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}

function invalid(detail: string): AckError {
  return { ok: false, code: 'validation_failed', detail: `Invalid request: ${detail}` };
}

/** One client event with a hand-checked payload (binary fields are beyond JSON Schema). */
function handler<R extends object>(log: Log, parse: (payload: unknown) => string | null, run: (payload: Record<string, unknown>) => Promise<R>) {
  return async (payload: unknown, ack?: unknown) => {
    const reply = (typeof ack === 'function' ? ack : () => {}) as (answer: Ack<R>) => void;
    const problem = typeof payload === 'object' && payload !== null ? parse(payload) : 'expected an object';
    if (problem) return reply(invalid(problem));
    try {
      reply({ ok: true, ...(await run(payload as Record<string, unknown>)) });
    } catch (error) {
      reply(toAckError(error, log));
    }
  };
}

const only = (payload: unknown, keys: string[]) => Object.keys(payload as object).find((k) => !keys.includes(k));
function checkRef(payload: unknown, extra: string[] = []): string | null {
  const p = payload as Record<string, unknown>;
  const unknownKey = only(payload, ['proposalId', ...extra]);
  if (unknownKey) return `/${unknownKey} is not allowed`;
  if (typeof p.proposalId !== 'string' || !UUID.test(p.proposalId)) return '/proposalId must be a uuid';
  return null;
}

function compiled<T extends TSchema>(schema: T) {
  return ajv.compile<Static<T>>(schema);
}

/** The proposal events of the protocol in events.ts, on every connection. */
export function registerProposalHandlers(io: Io, deps: ProposalHandlerDeps): void {
  const cursorCheck = compiled(S.CursorPayload);
  io.on('connection', (socket) => {
    const actor: Actor = { userId: socket.data.userId, platformRole: socket.data.platformRole };
    registerOn(socket, actor, deps, cursorCheck);
    socket.on('disconnecting', () => {
      for (const channel of socket.rooms) {
        const proposalId = proposalIdOfChannel(channel);
        if (proposalId) deps.editors.schedule(proposalId);
      }
    });
  });
}

function registerOn(socket: IoSocket, actor: Actor, deps: ProposalHandlerDeps, cursorCheck: ReturnType<typeof compiled<typeof S.CursorPayload>>): void {
  const { sync, editors, log } = deps;
  const cursors = () => (socket.data.proposalCursors ??= {});

  socket.on(
    'proposal:open',
    handler(
      log,
      (p) => {
        const problem = checkRef(p, ['stateVector']);
        if (problem) return problem;
        const sv = (p as Record<string, unknown>).stateVector;
        return sv === undefined || binary(sv) ? null : '/stateVector must be binary';
      },
      async (p) => {
        const proposalId = p.proposalId as string;
        await sync.authorizeOpen(actor, proposalId);
        // Subscribe before reading, so an update stored meanwhile arrives live if it is not in the answer.
        await socket.join(proposalChannel(proposalId));
        cursors()[proposalId] = { section: null };
        try {
          const opened = await sync.open(actor, proposalId, binary(p.stateVector) ?? new Uint8Array());
          editors.schedule(proposalId);
          return { ...opened, editors: await editors.list(proposalId) };
        } catch (error) {
          await socket.leave(proposalChannel(proposalId));
          delete cursors()[proposalId];
          throw error;
        }
      },
    ),
  );

  // One connection's updates are stored in the order it sent them.
  let applying: Promise<unknown> = Promise.resolve();
  socket.on(
    'proposal:update',
    handler(
      log,
      (p) => checkRef(p, ['update']) ?? (binary((p as Record<string, unknown>).update) ? null : '/update must be binary'),
      (p) => {
        const done = applying.then(() => sync.applyClientUpdate(actor, p.proposalId as string, binary(p.update)!, socket.id)).then(() => ({}));
        applying = done.catch(() => {});
        return done;
      },
    ),
  );

  socket.on('proposal:cursor', (payload: unknown) => {
    if (!cursorCheck(payload)) return;
    const { proposalId, ...cursor } = payload;
    // A hint only: connections that opened the proposal move their cursor; nothing is stored.
    if (!socket.rooms.has(proposalChannel(proposalId))) return;
    cursors()[proposalId] = cursor;
    editors.schedule(proposalId);
  });

  socket.on(
    'proposal:close',
    handler(
      log,
      (p) => checkRef(p),
      async (p) => {
        const proposalId = p.proposalId as string;
        await socket.leave(proposalChannel(proposalId));
        delete cursors()[proposalId];
        editors.schedule(proposalId);
        return {};
      },
    ),
  );
}
