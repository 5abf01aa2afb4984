/**
 * Two real server processes sharing PostgreSQL and Redis: messages cross between them in order, and when one
 * is killed mid-stream its clients move to the other, catch up, and nothing is lost or delivered twice.
 * Runs only against real servers (DATABASE_URL and REDIS_URL); all traffic stays on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '@partnera/db';
import type { Room } from '@partnera/server/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, testDatabase } from '../support/db';
import { FailoverRoomClient, redisUrl, waitFor } from '../support/rooms';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const jwtSecret = randomBytes(32).toString('hex');

interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `node --import tsx src/cli.ts serve`, as in production, on its own port. */
async function startServer(): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: jwtSecret,
      SEED_DEMO: 'false',
      WEB_BUILD_DIR: '/nonexistent/partnera-web',
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT: '10000',
      POST_RATE_LIMIT: '10000',
      ROOM_MESSAGE_BURST: '10000',
      ROOM_MESSAGES_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function api<T>(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined && { 'content-type': 'application/json' }), ...(init.token && { authorization: `Bearer ${init.token}` }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function register(url: string, name: string): Promise<{ id: string; token: string }> {
  const email = `${name.toLowerCase()}-${randomBytes(5).toString('hex')}@example.test`;
  const session = await api<{ accessToken: string; user: { id: string } }>(url, '/api/v1/auth/register', {
    method: 'POST',
    body: { email, password: 'correct horse battery', displayName: name },
  });
  return { id: session.user.id, token: session.accessToken };
}

describe.runIf(databaseUrl && redisUrl)('rooms across two server processes (PostgreSQL + Redis)', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let handle: DatabaseHandle;
  const clients: FailoverRoomClient[] = [];

  beforeAll(async () => {
    handle = await testDatabase();
    [a, b] = await Promise.all([startServer(), startServer()]);
  }, 90_000);

  afterAll(async () => {
    for (const c of clients) await c.stop();
    for (const p of [a, b]) if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await handle?.close();
  });

  /** A room with four members; two of their clients start on A, two on B. */
  async function roomWithClients() {
    const host = await register(a.url, 'Hana');
    await handle.db.updateTable('users').set({ platform_role: 'moderator' }).where('id', '=', host.id).execute();
    const others = [await register(b.url, 'Ivo'), await register(a.url, 'Jeta'), await register(b.url, 'Kamil')];
    const room = await api<Room>(a.url, '/api/v1/rooms', {
      method: 'POST',
      token: host.token,
      body: { kind: 'forum_session', title: 'Cross-process', visibility: 'members', memberIds: others.map((o) => o.id) },
    });
    const people = [host, ...others];
    const roomClients = people.map((p, i) => {
      const urls = i % 2 === 0 ? [a.url, b.url] : [b.url, a.url];
      const client = new FailoverRoomClient({ urls, token: p.token, roomId: room.id, maxConnects: 30 });
      clients.push(client);
      return client;
    });
    await Promise.all(roomClients.map((c) => c.start()));
    return { room, roomClients };
  }

  async function storedMessages(roomId: string) {
    return handle.db.selectFrom('room_messages').select(['seq', 'client_id', 'id']).where('room_id', '=', roomId).orderBy('seq').execute();
  }

  function expectExactlyOnceInOrder(client: FailoverRoomClient, stored: Array<{ seq: number; id: string }>) {
    expect(client.delivered.map((m) => m.seq)).toEqual(stored.map((m) => m.seq));
    expect(client.delivered.map((m) => m.id)).toEqual(stored.map((m) => m.id));
  }

  it('delivers messages sent on either process to clients on both, in sequence order', { timeout: 60_000 }, async () => {
    const { room, roomClients } = await roomWithClients();
    expect(roomClients.map((c) => c.connectedUrl)).toEqual([a.url, b.url, a.url, b.url]);
    for (let i = 0; i < 15; i++) {
      for (const [n, c] of roomClients.entries()) c.send(`client ${n} message ${i}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => roomClients.every((c) => c.unacked === 0), 20_000, 'all acks');
    const stored = await storedMessages(room.id);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    await waitFor(() => roomClients.every((c) => c.delivered.length >= 60), 20_000, 'delivery everywhere');
    for (const c of roomClients) {
      expectExactlyOnceInOrder(c, stored);
      // Each sender's messages in the order it sent them.
      const mine = c.delivered.filter((m) => m.body?.startsWith(`client ${roomClients.indexOf(c)} `)).map((m) => m.body);
      expect(mine).toEqual(Array.from({ length: 15 }, (_, i) => `client ${roomClients.indexOf(c)} message ${i}`));
      // Nothing lost in transit either: every message also arrived live.
      expect(new Set(c.raw).size).toBe(60);
    }
  });

  it('survives SIGKILL of one process mid-stream: clients move over, catch up, nothing lost or doubled', { timeout: 90_000 }, async () => {
    const { room, roomClients } = await roomWithClients();
    const perClient = 40;
    let killedAfter = -1;
    for (let i = 0; i < perClient; i++) {
      for (const [n, c] of roomClients.entries()) c.send(`client ${n} message ${i}`);
      if (i === 12) {
        a.child.kill('SIGKILL');
        killedAfter = i;
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(killedAfter).toBe(12);
    await waitFor(() => a.child.signalCode === 'SIGKILL', 5_000, 'process A to die');

    await waitFor(() => roomClients.every((c) => c.unacked === 0), 45_000, 'every message acknowledged');
    const sent = roomClients.flatMap((c) => c.sentClientIds);
    expect(sent).toHaveLength(perClient * roomClients.length);
    const stored = await storedMessages(room.id);
    // Stored once each: every client id exactly once, sequence numbers without gaps.
    expect(stored).toHaveLength(sent.length);
    expect(new Set(stored.map((m) => m.client_id))).toEqual(new Set(sent));
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: sent.length }, (_, i) => i + 1));

    await waitFor(() => roomClients.every((c) => c.sequencer.lastSeq === stored.length), 30_000, 'every client caught up');
    for (const c of roomClients) {
      expectExactlyOnceInOrder(c, stored);
      expect(c.connectedUrl).toBe(b.url);
    }
    // The clients that were on A really moved.
    expect(roomClients[0]!.connects).toBeGreaterThanOrEqual(2);
    expect(roomClients[2]!.connects).toBeGreaterThanOrEqual(2);
  });
});
