import type { Redis } from 'ioredis';
import { AppError } from '../errors';

/** Refused for sending too fast; carries when a retry can succeed. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterMs: number) {
    super(429, 'rate_limited', `You are sending messages too fast; wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`);
  }
}

export interface TokenBucketOptions {
  /** Messages allowed at once. */
  burst: number;
  /** Sustained rate after the burst. */
  perMinute: number;
}

/** A per-user token bucket: `take` resolves with 0 when allowed, else the milliseconds to wait. */
export interface MessageRateLimiter {
  take(userId: string): Promise<number>;
}

/** One process's buckets (no Redis): exact within the process. */
export function memoryRateLimiter(options: TokenBucketOptions, now: () => number = Date.now): MessageRateLimiter {
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const fullAfterMs = options.burst / perMs;
  return {
    async take(userId) {
      const t = now();
      // Buckets that refilled completely carry no state; drop them so the map stays small.
      if (buckets.size > 10_000) for (const [k, b] of buckets) if (t - b.at > fullAfterMs) buckets.delete(k);
      const bucket = buckets.get(userId) ?? { tokens: options.burst, at: t };
      bucket.tokens = Math.min(options.burst, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(userId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perMs);
    },
  };
}

// Runs atomically in Redis, on Redis's clock, so every server process shares one bucket per user.
const TAKE_SCRIPT = `
local burst = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = burst; at = now end
tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / per_ms) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / per_ms) + 1000)
return wait
`;

export function redisRateLimiter(redis: Redis, options: TokenBucketOptions): MessageRateLimiter {
  const perMs = String(options.perMinute / 60_000);
  return {
    async take(userId) {
      const wait = await redis.eval(TAKE_SCRIPT, 1, `partnera-room-rate:${userId}`, String(options.burst), perMs);
      return Number(wait);
    },
  };
}
