import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** PostgreSQL connection string; unset means embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  jwtSecret: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  invitationDays: number;
  cookieSecure: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Login/register attempts allowed per client per minute. */
  authRateLimit: number;
  /** Session refreshes allowed per client per minute (every page load restores the session once). */
  refreshRateLimit: number;
  /** Creations (organisations, invitations) allowed per client per minute. */
  postRateLimit: number;
  logLevel: string;
  webBuildDir: string;
  seedDemo: boolean;
  /** Proxy addresses whose X-Forwarded-For is believed (comma list); none by default, so clients cannot spoof their address. */
  trustProxy: string[];
  /** Room messages one user may send in a burst, and per minute after it (token bucket). */
  roomMessageBurst: number;
  roomMessagesPerMinute: number;
  /** Socket events (of any kind) one connection may send per 10 s before it is cut off as a flood. */
  roomFloodEvents: number;
  /** Meilisearch server; unset means the embedded search engine, rebuilt from the database at boot. */
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  /** Prefix of the search index names, so deployments can share one Meilisearch. */
  searchIndexPrefix: string;
  /** How often the search outbox relay looks for changes, and its first retry delay (doubling per failure). */
  searchRelayIntervalMs: number;
  searchRetryBaseMs: number;
  /** Distinct people whose reports hide content automatically until a moderator reviews it. */
  moderationAutoHideReports: number;
}

export class ConfigError extends Error {}

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  return raw;
}

function searchPrefix(raw: string | undefined): string {
  const prefix = raw ?? 'partnera_';
  if (!/^[A-Za-z0-9_-]{0,40}$/.test(prefix)) throw new ConfigError('SEARCH_INDEX_PREFIX may hold only letters, digits, - and _ (at most 40)');
  return prefix;
}

/** Reads and validates the environment once; nothing else in the server reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const production = env.NODE_ENV === 'production';
  const port = int(env, 'PORT', 3000, 0, 65535);
  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (production) throw new ConfigError('JWT_SECRET must be set in production (at least 32 characters)');
    // Development only: a fresh secret per process; refresh cookies still restore sessions after a restart.
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  const publicUrl = (url(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/$/, '');
  const databaseUrl = url(env, 'DATABASE_URL');
  return {
    port,
    host: env.HOST || 'localhost',
    publicUrl,
    databaseUrl,
    dataDir: resolve(env.DATA_DIR || resolve(repoRoot, 'data')),
    redisUrl: url(env, 'REDIS_URL'),
    jwtSecret,
    accessTokenSeconds: int(env, 'ACCESS_TOKEN_SECONDS', 900, 30, 86_400),
    refreshTokenDays: int(env, 'REFRESH_TOKEN_DAYS', 30, 1, 365),
    invitationDays: int(env, 'INVITATION_DAYS', 14, 1, 90),
    cookieSecure: bool(env, 'COOKIE_SECURE', publicUrl.startsWith('https:')),
    smtpUrl: url(env, 'SMTP_URL'),
    mailFrom: env.MAIL_FROM || 'Partnera <no-reply@partnera.local>',
    authRateLimit: int(env, 'AUTH_RATE_LIMIT', 10, 1, 100_000),
    postRateLimit: int(env, 'POST_RATE_LIMIT', 30, 1, 100_000),
    refreshRateLimit: int(env, 'REFRESH_RATE_LIMIT', 120, 1, 100_000),
    logLevel: env.LOG_LEVEL || 'info',
    webBuildDir: resolve(env.WEB_BUILD_DIR || resolve(repoRoot, 'web/build')),
    seedDemo: bool(env, 'SEED_DEMO', !databaseUrl),
    trustProxy: (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    roomMessageBurst: int(env, 'ROOM_MESSAGE_BURST', 10, 1, 1_000_000),
    roomMessagesPerMinute: int(env, 'ROOM_MESSAGES_PER_MINUTE', 40, 1, 1_000_000),
    roomFloodEvents: int(env, 'ROOM_FLOOD_EVENTS', 150, 10, 1_000_000),
    meiliUrl: url(env, 'MEILI_URL'),
    meiliMasterKey: env.MEILI_MASTER_KEY || undefined,
    searchIndexPrefix: searchPrefix(env.SEARCH_INDEX_PREFIX),
    searchRelayIntervalMs: int(env, 'SEARCH_RELAY_INTERVAL_MS', 500, 10, 600_000),
    searchRetryBaseMs: int(env, 'SEARCH_RETRY_BASE_MS', 1000, 1, 600_000),
    moderationAutoHideReports: int(env, 'MODERATION_AUTO_HIDE_REPORTS', 3, 1, 1000),
    ...overrides,
  };
}
