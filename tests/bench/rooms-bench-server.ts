/**
 * The server side of `pnpm bench:rooms`, run in its own process so that it does not share a CPU with the
 * clients: either Partnera's real app (persistence, sequence numbers, access checks) or a raw socket.io
 * broadcast of a message of the same shape without persistence (the baseline). It sets up users and
 * rooms, then reports its URL and the room assignments to the parent over IPC.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createTestApp } from '../support/app';

const [mode, clientsArg, roomSizeArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const roomSize = Number(roomSizeArg);
if (!['raw', 'partnera'].includes(mode ?? '') || !Number.isInteger(clients) || !Number.isInteger(roomSize)) {
  throw new Error('usage: rooms-bench-server.ts raw|partnera <clients> <room size>');
}
const roomCount = Math.ceil(clients / roomSize);

export interface BenchSetup {
  url: string;
  /** Per client: its room and its access token. */
  seats: Array<{ roomId: string; token: string }>;
}

async function partnera(): Promise<{ setup: BenchSetup; close(): Promise<void> }> {
  const t = await createTestApp({
    config: { roomMessageBurst: 1_000_000, roomMessagesPerMinute: 1_000_000_000, roomFloodEvents: 1_000_000 },
    // The production pool size, not the small one tests use.
    poolSize: 10,
  });
  const db = t.handle.db;
  const tag = randomUUID().slice(0, 8);
  // Users and rooms straight into the database: registering a thousand people through argon2 would take minutes.
  const users = await db
    .insertInto('users')
    .values(Array.from({ length: clients }, (_, i) => ({ email: `bench-${tag}-${i}@example.test`, display_name: `Bench ${i}`, password_hash: 'x', platform_role: null, locale: 'en' as const })))
    .returning('id')
    .execute();
  const rooms = await db
    .insertInto('rooms')
    .values(Array.from({ length: roomCount }, (_, i) => ({ kind: 'forum_session' as const, visibility: 'members' as const, subject_id: null, title: `Bench room ${i}`, created_by: null })))
    .returning('id')
    .execute();
  const seats = users.map((u, i) => ({ userId: u.id, roomId: rooms[Math.floor(i / roomSize)]!.id }));
  for (let i = 0; i < seats.length; i += 500) {
    await db.insertInto('room_members').values(seats.slice(i, i + 500).map((s) => ({ room_id: s.roomId, user_id: s.userId, role: 'member' as const }))).execute();
  }
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    setup: { url: address, seats: seats.map((s) => ({ roomId: s.roomId, token: t.app.jwt.sign({ sub: s.userId }, { expiresIn: 3600 }) })) },
    close: () => t.close(),
  };
}

/** Plain socket.io: join the room named at the handshake, broadcast each message to it, ack. */
async function raw(): Promise<{ setup: BenchSetup; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const seq = new Map<string, number>();
  io.on('connection', (socket) => {
    const roomId = String(socket.handshake.auth.token).split(':')[0]!;
    void socket.join(`room:${roomId}`);
    socket.on('room:join', (_payload: unknown, ack: (a: object) => void) => ack({ ok: true, room: { lastSeq: seq.get(roomId) ?? 0 }, messages: [], changed: [], more: false, olderExist: false, syncedRev: 0 }));
    socket.on('message:send', (p: { roomId: string; clientId: string; body: string }, ack: (a: object) => void) => {
      const next = (seq.get(p.roomId) ?? 0) + 1;
      seq.set(p.roomId, next);
      const message = {
        id: randomUUID(),
        roomId: p.roomId,
        seq: next,
        rev: next,
        clientId: p.clientId,
        sender: { id: socket.id, displayName: 'Bench' },
        body: p.body,
        replyTo: null,
        mentions: [],
        createdAt: new Date().toISOString(),
        editedAt: null,
        deleted: false,
        hidden: false,
      };
      io.to(`room:${p.roomId}`).emit('message:new', message);
      ack({ ok: true, message });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as { port: number };
  const seats = Array.from({ length: clients }, (_, i) => {
    const roomId = `raw-${Math.floor(i / roomSize)}`;
    return { roomId, token: `${roomId}:${i}` };
  });
  return { setup: { url: `http://127.0.0.1:${port}`, seats }, close: () => new Promise((r) => io.close(() => r())) };
}

const server = mode === 'raw' ? await raw() : await partnera();
process.send!({ type: 'ready', setup: server.setup });
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stop') void server.close().finally(() => process.exit(0));
});
// The parent going away ends this process too.
process.on('disconnect', () => process.exit(0));
