import type { Problem, Session } from '@partnera/server/api-types';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the server's RFC 9457 problem details (or a synthetic one). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  /** Field errors keyed by the first segment of the JSON pointer (`/legalId` → `legalId`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const field = e.path.replace(/^\//, '').split('/')[0] ?? '';
      if (field && !(field in out)) out[field] = e.message;
    }
    return out;
  }
}

let accessToken: string | null = null;
let refreshInFlight: Promise<Session | null> | null = null;
type SessionListener = (session: Session | null) => void;
const listeners = new Set<SessionListener>();

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

/** The current access token, for the socket.io handshake. */
export function getAccessToken(): string | null {
  return accessToken;
}

/** Called whenever a refresh yields a new session (or finds none). */
export function onSessionRefreshed(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function toApiError(res: Response): Promise<ApiError> {
  let problem: Partial<Problem> | null = null;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await res.json()) as Partial<Problem>;
    } catch {
      problem = null;
    }
  }
  return new ApiError({
    type: problem?.type ?? 'about:blank',
    title: problem?.title ?? (res.statusText || `HTTP ${res.status}`),
    status: problem?.status ?? res.status,
    code: problem?.code ?? (res.status >= 500 ? 'internal' : `http_${res.status}`),
    ...(problem?.detail ? { detail: problem.detail } : {}),
    ...(problem?.errors ? { errors: problem.errors } : {}),
  });
}

function networkError(cause: unknown): ApiError {
  const err = new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'network',
    detail: cause instanceof Error ? cause.message : String(cause),
  });
  return err;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
 * because the server rotates the refresh token and a second parallel use would be rejected.
 */
export function refreshSession(): Promise<Session | null> {
  refreshInFlight ??= (async () => {
    let res: Response;
    try {
      res = await fetch(`${API_BASE}/auth/refresh`, { method: 'POST', credentials: 'same-origin' });
    } catch (cause) {
      throw networkError(cause);
    }
    if (res.ok) {
      const session = (await res.json()) as Session;
      accessToken = session.accessToken;
      listeners.forEach((l) => l(session));
      return session;
    }
    if (res.status === 401 || res.status === 403) {
      accessToken = null;
      listeners.forEach((l) => l(null));
      return null;
    }
    throw await toApiError(res);
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Array values are sent as repeated keys (`theme=a&theme=b`). */
  query?: Record<string, string | number | boolean | null | undefined | readonly string[]>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) value.forEach((v: string) => params.append(key, v));
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
}

/** Performs a request; on 401 refreshes the session once and retries. Throws ApiError when not ok. */
export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  let res = await send(path, opts);
  // Auth endpoints answer 401 for wrong credentials; refreshing would not help there.
  if (res.status === 401 && !path.startsWith('/auth/')) {
    const session = await refreshSession().catch(() => null);
    if (session) res = await send(path, opts);
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/** JSON request helper: returns the parsed body, or undefined for 204. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export interface UploadOptions {
  body: Blob | string;
  contentType: string;
  /** Bytes sent so far; `total` is 0 when the browser cannot tell. */
  onProgress?: (loaded: number, total: number) => void;
  /** The whole body has been sent; the server is now working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

interface RawReply {
  status: number;
  contentType: string;
  text: string;
}

function sendXhr(path: string, opts: UploadOptions): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', opts.contentType);
    if (accessToken) xhr.setRequestHeader('authorization', `Bearer ${accessToken}`);
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.upload.onload = () => opts.onUploaded?.();
    xhr.onload = () =>
      resolve({ status: xhr.status, contentType: xhr.getResponseHeader('content-type') ?? '', text: xhr.responseText });
    xhr.onerror = () => reject(networkError(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(opts.body);
  });
}

/**
 * POSTs a (large) body with upload progress, which fetch cannot report. Like `api`, it refreshes the
 * session once on 401 and throws ApiError when the answer is not ok.
 */
export async function upload<T>(path: string, opts: UploadOptions): Promise<T> {
  let reply = await sendXhr(path, opts);
  if (reply.status === 401) {
    const session = await refreshSession().catch(() => null);
    if (session) reply = await sendXhr(path, opts);
  }
  if (reply.status < 200 || reply.status >= 300) {
    const status = reply.status >= 200 && reply.status <= 599 ? reply.status : 500;
    throw await toApiError(new Response(reply.text, { status, headers: { 'content-type': reply.contentType } }));
  }
  return (reply.text ? JSON.parse(reply.text) : undefined) as T;
}
