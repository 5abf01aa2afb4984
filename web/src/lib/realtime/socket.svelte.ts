import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@partnera/server/api-types';
import { io, type Socket } from 'socket.io-client';
import { getAccessToken, refreshSession } from '../api/client';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting';

type AckedEvent = Exclude<keyof ClientToServerEvents, 'typing'>;
type AnswerOf<E extends AckedEvent> = Parameters<ClientToServerEvents[E]>[1] extends ((answer: infer A) => void) | undefined ? A : never;

/** How long an acknowledged request may take before it counts as lost (it is then retried or reported). */
const ACK_TIMEOUT_MS = 10_000;
/** Refreshing the access token after a refused handshake: at most this often in a row. */
const MAX_AUTH_RETRIES = 3;

let socket: RoomSocket | null = null;
let status = $state<ConnectionStatus>('offline');
let authRetries = 0;
const setups = new Set<(s: RoomSocket) => void>();

/** The live connection's state, for banners and badges. */
export const realtime = {
  get status(): ConnectionStatus {
    return status;
  },
  get socket(): RoomSocket | null {
    return socket;
  },
};

/**
 * Opens the one socket.io connection of this tab (same origin and port as the API). The handshake sends
 * the in-memory access token; when it is refused as expired, the session is refreshed once and it retries.
 * socket.io reconnects by itself after network trouble; each `onConnection` listener is attached once.
 */
export function connectRealtime(): RoomSocket {
  if (socket) return socket;
  status = 'connecting';
  const s: RoomSocket = io({
    auth: (cb) => cb({ token: getAccessToken() ?? '' }),
    // WebSocket first: it needs no sticky sessions behind a load balancer; long-polling is the fallback.
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
  socket = s;
  s.on('connect', () => {
    status = 'connected';
    authRetries = 0;
  });
  s.on('disconnect', (reason) => {
    // A server-initiated disconnect is not retried by socket.io; everything else is.
    if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1_000);
    status = 'reconnecting';
  });
  s.on('connect_error', async (error) => {
    status = s.active ? 'reconnecting' : 'offline';
    if (error.message !== 'unauthorized' || authRetries >= MAX_AUTH_RETRIES) return;
    authRetries++;
    const session = await refreshSession().catch(() => null);
    if (session) s.connect();
  });
  for (const setup of setups) setup(s);
  return s;
}

export function disconnectRealtime(): void {
  socket?.disconnect();
  socket = null;
  status = 'offline';
}

/** Registers listeners on the connection, now if it exists and on every later one; returns the removal. */
export function onConnection(setup: (s: RoomSocket) => (() => void) | void): () => void {
  let cleanup: (() => void) | void;
  const run = (s: RoomSocket) => {
    cleanup = setup(s);
  };
  setups.add(run);
  if (socket) run(socket);
  return () => {
    setups.delete(run);
    if (cleanup) cleanup();
  };
}

/** Emits an event and resolves with its ack; rejects when the connection drops or the ack does not come. */
export function request<E extends AckedEvent>(event: E, payload: Parameters<ClientToServerEvents[E]>[0], timeoutMs = ACK_TIMEOUT_MS): Promise<AnswerOf<E>> {
  const s = socket;
  if (!s?.connected) return Promise.reject(new Error('offline'));
  // The timeout variant's callback is (err, answer); the typed event map cannot say so generically.
  const timed = s.timeout(timeoutMs) as unknown as { emit(e: E, p: unknown, cb: (err: Error | null, answer: AnswerOf<E>) => void): void };
  return new Promise((resolve, reject) => {
    timed.emit(event, payload, (err, answer) => (err ? reject(err) : resolve(answer)));
  });
}

export type { Ack };
