/**
 * Room fan-out benchmark: N clients in rooms of ROOM_SIZE, every member receiving every message of its
 * room. Measured in the same run for Partnera (each message persisted with its sequence number before
 * the broadcast) and for raw socket.io broadcast without persistence, each server in a process of its own:
 *
 * - capacity: every client sends MESSAGES messages back to back (each after the previous ack), so the
 *   server runs flat out; deliveries/s of the two give the ratio;
 * - latency: every client sends one message per second (staggered) for PACED seconds, a heavy but
 *   sustainable load; p50/p99 send→receive latency at the other members.
 *
 * Lost and duplicated deliveries are counted over both. Traffic stays on 127.0.0.1; loops and waits are bounded.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { BenchSetup } from './rooms-bench-server';

const ROOM_SIZE = Number(process.env.BENCH_ROOM_SIZE ?? 20);
const SIZES = (process.env.BENCH_CLIENTS ?? '1000,200').split(',').map(Number);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10);
const PACED = Number(process.env.BENCH_PACED_SECONDS ?? 4);
const WARMUP = 2;
const serverScript = fileURLToPath(new URL('./rooms-bench-server.ts', import.meta.url));

interface RunResult {
  deliveriesPerSecond: number;
  /** Under saturation (capacity phase). */
  busyP50: number;
  busyP99: number;
  p50: number;
  p99: number;
  lost: number;
  duplicated: number;
  expected: number;
}

function startServer(mode: 'raw' | 'partnera', clients: number): Promise<{ child: ChildProcess; setup: BenchSetup }> {
  const child = fork(serverScript, [mode, String(clients), String(ROOM_SIZE)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start within 120 s`)), 120_000);
    child.once('exit', (code) => reject(new Error(`${mode} server exited (${code})`)));
    child.on('message', (msg: { type: string; setup: BenchSetup }) => {
      if (msg.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ child, setup: msg.setup });
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function connectAll(setup: BenchSetup): Promise<Socket[]> {
  return Promise.all(
    setup.seats.map(
      (seat) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(setup.url, { auth: { token: seat.token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000 });
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    ),
  );
}

function ack<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, answer: T & { ok: boolean; code?: string }) => {
      if (err) return reject(err);
      if (!answer.ok) return reject(new Error(`${event} refused: ${answer.code}`));
      resolve(answer);
    });
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function run(mode: 'raw' | 'partnera', clients: number): Promise<RunResult> {
  const { child, setup } = await startServer(mode, clients);
  const sockets = await connectAll(setup);
  try {
    await Promise.all(sockets.map((s, i) => ack(s, 'room:join', { roomId: setup.seats[i]!.roomId })));
    const members = new Map<string, number>();
    for (const seat of setup.seats) members.set(seat.roomId, (members.get(seat.roomId) ?? 0) + 1);

    let measuring = false;
    const sentAt = new Map<string, { at: number; sender: number }>();
    const received = new Map<string, number>();
    let latencies: number[] = [];
    let deliveries = 0;
    let lastDelivery = 0;
    sockets.forEach((socket, receiver) =>
      socket.on('message:new', (m: { body: string }) => {
        if (!measuring) return;
        const now = performance.now();
        const key = `${receiver}|${m.body}`;
        received.set(key, (received.get(key) ?? 0) + 1);
        deliveries++;
        lastDelivery = now;
        const sent = sentAt.get(m.body);
        if (sent && sent.sender !== receiver) latencies.push(now - sent.at);
      }),
    );

    async function send(i: number, body: string) {
      sentAt.set(body, { at: performance.now(), sender: i });
      await ack(sockets[i]!, 'message:send', { roomId: setup.seats[i]!.roomId, clientId: body.replace(/\W/g, '_'), body });
    }
    async function backToBack(i: number, count: number, label: string) {
      for (let n = 0; n < count; n++) await send(i, `${label} ${i}/${n}`);
    }
    async function paced(i: number, seconds: number) {
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      for (let n = 0; n < seconds; n++) {
        const next = performance.now() + 1000;
        await send(i, `paced ${i}/${n}`);
        await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      }
    }
    async function settle(expected: number) {
      const deadline = performance.now() + 10_000;
      while (deliveries < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    }
    const perRound = setup.seats.reduce((sum, seat) => sum + members.get(seat.roomId)!, 0);

    // Warm-up: connections, statements and JIT settle before the clock starts.
    await Promise.all(sockets.map((_, i) => backToBack(i, WARMUP, 'warm')));
    await new Promise((r) => setTimeout(r, 500));

    measuring = true;
    const start = performance.now();
    await Promise.all(sockets.map((_, i) => backToBack(i, MESSAGES, 'run')));
    await settle(MESSAGES * perRound);
    const deliveriesPerSecond = deliveries / ((lastDelivery - start) / 1000);
    latencies.sort((a, b) => a - b);
    const busy = latencies;

    latencies = [];
    await Promise.all(sockets.map((_, i) => paced(i, PACED)));
    const expected = (MESSAGES + PACED) * perRound;
    await settle(expected);
    measuring = false;
    latencies.sort((a, b) => a - b);

    let duplicated = 0;
    for (const count of received.values()) if (count > 1) duplicated += count - 1;
    return {
      deliveriesPerSecond,
      busyP50: quantile(busy, 0.5),
      busyP99: quantile(busy, 0.99),
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      lost: expected - received.size,
      duplicated,
      expected,
    };
  } finally {
    for (const s of sockets) s.close();
    await stopServer(child);
  }
}

const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite';
console.log(
  `rooms of ${ROOM_SIZE}; Partnera persists to ${database}\n` +
    `capacity: each client sends ${MESSAGES} messages back to back; latency: each client sends 1 message/s for ${PACED} s\n`,
);
const lines: string[] = [];
for (const clients of SIZES) {
  const rawResult = await run('raw', clients);
  const ours = await run('partnera', clients);
  const ratio = ours.deliveriesPerSecond / rawResult.deliveriesPerSecond;
  for (const [name, r] of [['raw socket.io', rawResult], ['partnera', ours]] as const) {
    console.log(
      `clients=${String(clients).padStart(4)}  ${name.padEnd(13)} capacity ${r.deliveriesPerSecond.toFixed(0).padStart(6)} deliveries/s ` +
        `(p50 ${r.busyP50.toFixed(0)} ms, p99 ${r.busyP99.toFixed(0)} ms flat out)  at 1 msg/s per client: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms  ` +
        `deliveries ${r.expected}  lost ${r.lost}  duplicated ${r.duplicated}`,
    );
  }
  lines.push(`rooms: clients=${clients} ratio=${ratio.toFixed(2)} p50_ms=${ours.p50.toFixed(1)} p99_ms=${ours.p99.toFixed(1)} lost=${ours.lost} duplicated=${ours.duplicated}`);
  console.log('');
}
for (const line of lines) console.log(line);
process.exit(0);
