import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import type { App } from '@partnera/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { refreshCookieOf, registerUser, uniqueEmail, type TestUser } from '../support/factories';

type Reply = Awaited<ReturnType<App['inject']>>;

let t: TestApp;
let app: App;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
});

afterAll(async () => {
  await t?.close();
});

const PASSWORD = 'correct horse battery';

function expectProblem(res: Reply, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ status: number; code: string; title: string; type: string }>();
  expect(body.status).toBe(status);
  expect(body.code).toBe(code);
  expect(body.title).toEqual(expect.any(String));
  expect(body.type).toEqual(expect.any(String));
  return res.json<{ code: string; detail: string; errors?: Array<{ path: string; message: string }> }>();
}

const errorPaths = (res: Reply) => (res.json<{ errors?: Array<{ path: string }> }>().errors ?? []).map((e) => e.path);

function register(payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
}

function login(email: string, password: string, target: App = app) {
  return target.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
}

function refresh(cookie: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { partnera_refresh: cookie } });
}

function me(headers: Record<string, string>) {
  return app.inject({ method: 'GET', url: '/api/v1/me', headers });
}

/** The refresh cookie as the browser would store it. */
function refreshCookie(res: Reply) {
  return res.cookies.find((c) => c.name === 'partnera_refresh');
}

/** True when the response tells the browser to drop the refresh cookie. */
function clearsRefreshCookie(res: Reply) {
  const cookie = refreshCookie(res);
  if (!cookie) return false;
  const expired = cookie.expires !== undefined && cookie.expires.getTime() <= Date.now();
  return cookie.value === '' || expired || cookie.maxAge === 0;
}

describe('register', () => {
  it('creates the account, signs in and sets an httpOnly SameSite=Strict refresh cookie', async () => {
    const email = uniqueEmail('reg');
    const res = await register({ email, password: PASSWORD, displayName: '  Ana Petrova  ', locale: 'bg' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<{ accessToken: string; expiresIn: number; user: Record<string, unknown> }>();
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.expiresIn).toBeGreaterThan(0);
    expect(body.user).toMatchObject({ email, displayName: 'Ana Petrova', locale: 'bg', platformRole: null, organisations: [] });
    expect(body.user.id).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    // No password (hash) ever leaves the server.
    expect(Object.keys(body.user).filter((k) => /pass|hash/i.test(k))).toEqual([]);
    expect(res.body).not.toMatch(/argon|\$2[aby]\$|password/i);

    const cookie = refreshCookie(res);
    expect(cookie).toBeDefined();
    expect(cookie!.value.length).toBeGreaterThanOrEqual(20);
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Strict');
    expect(cookie!.path).toBe('/api/v1/auth');
    expect(cookie!.expires!.getTime()).toBeGreaterThan(Date.now());

    // The access token works at once.
    const mine = await me({ authorization: `Bearer ${body.accessToken}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: body.user.id, email });
  });

  it('stores the email in lower case', async () => {
    const email = uniqueEmail('MixedCase');
    const res = await register({ email, password: PASSWORD, displayName: 'Mixed' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user.email).toBe(email.toLowerCase());
  });

  it('rejects a malformed email', async () => {
    const res = await register({ email: 'not-an-email', password: PASSWORD, displayName: 'X' });
    expectProblem(res, 400, 'validation_failed');
    expect(errorPaths(res)).toEqual(['/email']);
  });

  it('rejects a password shorter than 10 characters', async () => {
    const res = await register({ email: uniqueEmail(), password: '123456789', displayName: 'X' });
    expectProblem(res, 400, 'validation_failed');
    expect(errorPaths(res)).toEqual(['/password']);
  });

  it('rejects a missing display name', async () => {
    const res = await register({ email: uniqueEmail(), password: PASSWORD });
    expectProblem(res, 400, 'validation_failed');
    expect(errorPaths(res)).toEqual(['/displayName']);
  });

  it('rejects a blank display name', async () => {
    const res = await register({ email: uniqueEmail(), password: PASSWORD, displayName: '   ' });
    expectProblem(res, 400, 'validation_failed');
    expect(errorPaths(res)).toEqual(['/displayName']);
  });

  it('reports every invalid field at once', async () => {
    const res = await register({ email: 'nope', password: 'short' });
    expectProblem(res, 400, 'validation_failed');
    expect(errorPaths(res).sort()).toEqual(['/displayName', '/email', '/password']);
  });

  it('rejects an unknown locale and unknown fields', async () => {
    const res = await register({ email: uniqueEmail(), password: PASSWORD, displayName: 'X', locale: 'de', platformRole: 'admin' });
    expectProblem(res, 400, 'validation_failed');
    expect(errorPaths(res)).toEqual(expect.arrayContaining(['/locale', '/platformRole']));
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const email = uniqueEmail('dup');
    expect((await register({ email, password: PASSWORD, displayName: 'First' })).statusCode).toBe(201);

    const same = await register({ email, password: PASSWORD, displayName: 'Second' });
    expect(expectProblem(same, 409, 'email_taken').errors?.map((e) => e.path)).toEqual(['/email']);

    const shouted = await register({ email: email.toUpperCase(), password: PASSWORD, displayName: 'Third' });
    expect(expectProblem(shouted, 409, 'email_taken').errors?.map((e) => e.path)).toEqual(['/email']);
    expect(refreshCookie(shouted)).toBeUndefined();
  });
});

describe('login', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser(app);
  });

  it('signs in with the right password and sets a new refresh cookie', async () => {
    const res = await login(user.email, user.password);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ accessToken: string; user: { id: string; email: string } }>();
    expect(body.user).toMatchObject({ id: user.id, email: user.email });
    expect(Object.keys(body.user).filter((k) => /pass|hash/i.test(k))).toEqual([]);
    const cookie = refreshCookie(res);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.value).not.toBe(user.refresh);
    expect((await me({ authorization: `Bearer ${body.accessToken}` })).statusCode).toBe(200);
  });

  it('accepts the email in another case and with surrounding spaces', async () => {
    const res = await login(`  ${user.email.toUpperCase()} `, user.password);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.id).toBe(user.id);
  });

  it('answers 401 invalid_credentials for a wrong password, without a cookie', async () => {
    const res = await login(user.email, 'wrong password!!');
    expectProblem(res, 401, 'invalid_credentials');
    expect(refreshCookie(res)).toBeUndefined();
  });

  it('answers the very same 401 for an unknown email', async () => {
    const wrongPassword = await login(user.email, 'wrong password!!');
    const unknown = await login(uniqueEmail('ghost'), 'wrong password!!');
    const a = expectProblem(wrongPassword, 401, 'invalid_credentials');
    const b = expectProblem(unknown, 401, 'invalid_credentials');
    expect(b.detail).toBe(a.detail);
  });
});

describe('GET /me and access tokens', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await me({}), 401, 'unauthorized');
  });

  it('answers 401 for a garbage token', async () => {
    expectProblem(await me({ authorization: 'Bearer not.a.jwt' }), 401, 'unauthorized');
    expectProblem(await me({ authorization: 'Bearer garbage' }), 401, 'unauthorized');
    expectProblem(await me({ authorization: 'Basic Zm9vOmJhcg==' }), 401, 'unauthorized');
  });

  it('rejects a well-formed token signed with another secret', async () => {
    const user = await registerUser(app);
    const other = await createTestApp();
    try {
      // A token for a real user of this app, but signed by another server.
      const forged = other.app.jwt.sign({ sub: user.id });
      expectProblem(await me({ authorization: `Bearer ${forged}` }), 401, 'unauthorized');
      // Sanity: the same claim signed by this app is accepted.
      const genuine = app.jwt.sign({ sub: user.id });
      expect((await me({ authorization: `Bearer ${genuine}` })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('rejects a validly signed token for a user that does not exist', async () => {
    const token = app.jwt.sign({ sub: randomUUID() });
    expectProblem(await me({ authorization: `Bearer ${token}` }), 401, 'unauthorized');
  });

  it('returns the signed-in user', async () => {
    const user = await registerUser(app, { displayName: 'Mila' });
    const res = await me(user.auth);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, email: user.email, displayName: 'Mila', locale: 'en', organisations: [] });
  });
});

describe('PATCH /me', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser(app, { displayName: 'Before' });
  });

  const patch = (payload: unknown, headers: Record<string, string> = user.auth) =>
    app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: payload as Record<string, unknown> });

  it('changes the display name and the language, and the change sticks', async () => {
    const res = await patch({ displayName: '  After  ', locale: 'sq' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, displayName: 'After', locale: 'sq' });
    const again = await me(user.auth);
    expect(again.json()).toMatchObject({ displayName: 'After', locale: 'sq' });

    const onlyLocale = await patch({ locale: 'az' });
    expect(onlyLocale.json()).toMatchObject({ displayName: 'After', locale: 'az' });
  });

  it('needs a token', async () => {
    expectProblem(await patch({ displayName: 'X' }, {}), 401, 'unauthorized');
  });

  it.each([
    { name: 'an empty body', payload: {}, path: undefined },
    { name: 'an unknown locale', payload: { locale: 'fr' }, path: '/locale' },
    { name: 'a blank name', payload: { displayName: '  ' }, path: '/displayName' },
    { name: 'a name over 120 characters', payload: { displayName: 'x'.repeat(121) }, path: '/displayName' },
    { name: 'a number for the name', payload: { displayName: 42 }, path: '/displayName' },
    { name: 'an attempt to change the email', payload: { email: 'new@example.test' }, path: '/email' },
    { name: 'an attempt to become admin', payload: { platformRole: 'admin' }, path: '/platformRole' },
  ])('rejects $name with 400', async ({ payload, path }) => {
    const res = await patch(payload);
    expectProblem(res, 400, 'validation_failed');
    if (path) expect(errorPaths(res)).toContain(path);
    // Nothing changed.
    expect((await me(user.auth)).json().platformRole).toBeNull();
  });
});

describe('refresh token rotation', () => {
  it('swaps the cookie for a new one and issues a new access token', async () => {
    const user = await registerUser(app);
    const res = await refresh(user.refresh);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ accessToken: string; user: { id: string } }>();
    expect(body.user.id).toBe(user.id);
    expect((await me({ authorization: `Bearer ${body.accessToken}` })).statusCode).toBe(200);
    const next = refreshCookie(res);
    expect(next?.value).toBeTruthy();
    expect(next?.value).not.toBe(user.refresh);
    expect(next?.httpOnly).toBe(true);
    expect(next?.sameSite).toBe('Strict');
    expect(next?.path).toBe('/api/v1/auth');

    // The new cookie rotates again.
    const third = await refresh(next!.value);
    expect(third.statusCode).toBe(200);
    expect(refreshCookieOf(third.headers)).not.toBe(next!.value);
  });

  it('answers 401 without a cookie or with an unknown one', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/auth/refresh' }), 401, 'unauthorized');
    expectProblem(await refresh('no-such-refresh-token-anywhere'), 401, 'unauthorized');
  });

  it('treats reuse of a rotated cookie as theft: 401 refresh_reused and the whole family is revoked', async () => {
    const user = await registerUser(app);
    const rotated = await refresh(user.refresh);
    expect(rotated.statusCode).toBe(200);
    const newCookie = refreshCookieOf(rotated.headers);
    expect(newCookie).not.toBe('');

    const reuse = await refresh(user.refresh);
    expectProblem(reuse, 401, 'refresh_reused');
    expect(clearsRefreshCookie(reuse)).toBe(true);

    // The legitimate holder of the newer cookie is signed out too.
    const after = await refresh(newCookie);
    expect(after.statusCode).toBe(401);
    expect(clearsRefreshCookie(after)).toBe(true);
  });

  it('does not end other sessions of the same user', async () => {
    const user = await registerUser(app);
    const second = await login(user.email, user.password);
    const secondCookie = refreshCookieOf(second.headers);
    await refresh(user.refresh);
    expectProblem(await refresh(user.refresh), 401, 'refresh_reused');
    // The login session is its own family.
    expect((await refresh(secondCookie)).statusCode).toBe(200);
  });
});

describe('logout', () => {
  it('answers 204, clears the cookie and ends the session', async () => {
    const user = await registerUser(app);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { partnera_refresh: user.refresh } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(clearsRefreshCookie(res)).toBe(true);

    expectProblem(await refresh(user.refresh), 401, 'unauthorized');
  });

  it('answers 204 even without a cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(204);
  });
});

describe('change password', () => {
  const change = (user: TestUser, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/me/password', headers: user.auth, payload });

  it('sets the new password, starts a new session and ends the old ones', async () => {
    const user = await registerUser(app);
    const otherDevice = refreshCookieOf((await login(user.email, user.password)).headers);
    const newPassword = 'a much better passphrase';

    const res = await change(user, { currentPassword: user.password, newPassword });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ accessToken: string; user: { id: string } }>();
    expect(body.user.id).toBe(user.id);
    expect((await me({ authorization: `Bearer ${body.accessToken}` })).statusCode).toBe(200);
    const fresh = refreshCookie(res);
    expect(fresh?.httpOnly).toBe(true);
    expect(fresh?.value).not.toBe(user.refresh);

    // Every earlier refresh cookie stops working.
    expectProblem(await refresh(user.refresh), 401, 'unauthorized');
    expectProblem(await refresh(otherDevice), 401, 'unauthorized');
    // The new one works.
    expect((await refresh(fresh!.value)).statusCode).toBe(200);

    // Old password no longer signs in, the new one does.
    expectProblem(await login(user.email, user.password), 401, 'invalid_credentials');
    const relogin = await login(user.email, newPassword);
    expect(relogin.statusCode).toBe(200);
    expect(relogin.json().user.id).toBe(user.id);
  });

  it('answers 422 invalid_current_password for a wrong current password and changes nothing', async () => {
    const user = await registerUser(app);
    const res = await change(user, { currentPassword: 'not my password', newPassword: 'another long password' });
    const problem = expectProblem(res, 422, 'invalid_current_password');
    expect(problem.errors?.map((e) => e.path)).toEqual(['/currentPassword']);
    expect(refreshCookie(res)).toBeUndefined();
    // The session and the password are untouched.
    expect((await refresh(user.refresh)).statusCode).toBe(200);
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('validates the new password and the body', async () => {
    const user = await registerUser(app);
    const short = await change(user, { currentPassword: user.password, newPassword: 'short' });
    expectProblem(short, 400, 'validation_failed');
    expect(errorPaths(short)).toEqual(['/newPassword']);

    const missing = await change(user, { newPassword: 'long enough password' });
    expectProblem(missing, 400, 'validation_failed');
    expect(errorPaths(missing)).toEqual(['/currentPassword']);

    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('needs a token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: 'x', newPassword: 'long enough password' } });
    expectProblem(res, 401, 'unauthorized');
  });
});

describe('rate limiting of sign-in', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ config: { authRateLimit: 3 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('answers 429 rate_limited once a client exceeds the login limit, even with the right password', async () => {
    const user = await registerUser(limited.app);
    const from = (remoteAddress: string, password: string) =>
      limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email: user.email, password } });
    for (let i = 0; i < 3; i++) expect((await from('192.0.2.1', 'wrong password!!')).statusCode).toBe(401);
    const res = await from('192.0.2.1', user.password);
    const problem = expectProblem(res, 429, 'rate_limited');
    expect(problem.detail).toMatch(/try again/i);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(refreshCookie(res)).toBeUndefined();

    // The limit is per client: someone else still signs in.
    expect((await from('192.0.2.2', user.password)).statusCode).toBe(200);
  });

  it('limits registration too', async () => {
    const remoteAddress = '192.0.2.10';
    const attempt = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress,
        payload: { email: uniqueEmail('rl'), password: PASSWORD, displayName: 'Rate' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(201);
    expectProblem(await attempt(), 429, 'rate_limited');
  });

  it('cannot be dodged by sending a made-up X-Forwarded-For header', async () => {
    // A client connecting directly (not through a proxy we run) forges a new address on every attempt.
    const attempt = (i: number) =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.20',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
        payload: { email: uniqueEmail('spoof'), password: 'guessing a password' },
      });
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it.runIf(!!process.env.REDIS_URL)('shares the limit between server processes through Redis', async () => {
    const redisUrl = process.env.REDIS_URL!;
    // tests/ does not depend on ioredis itself; borrow the server's copy (the very client the app uses).
    const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@partnera/server'));
    const { Redis } = requireFromServer('ioredis') as {
      Redis: new (url: string) => { keys(pattern: string): Promise<string[]>; del(...keys: string[]): Promise<number>; quit(): Promise<unknown> };
    };
    const redis = new Redis(redisUrl);
    try {
      // Counters from earlier runs (same client address) must not decide this test.
      const stale = await redis.keys('partnera-rl:*');
      if (stale.length > 0) await redis.del(...stale);

      const a = await createTestApp({ config: { redisUrl, authRateLimit: 2 } });
      const b = await createTestApp({ config: { redisUrl, authRateLimit: 2 } });
      try {
        const email = uniqueEmail('redis');
        expect((await login(email, 'wrong password!!', a.app)).statusCode).toBe(401);
        expect((await login(email, 'wrong password!!', b.app)).statusCode).toBe(401);
        // The third attempt, on either process, is over the shared limit.
        expectProblem(await login(email, 'wrong password!!', a.app), 429, 'rate_limited');
        expectProblem(await login(email, 'wrong password!!', b.app), 429, 'rate_limited');
        expect((await redis.keys('partnera-rl:*')).length).toBeGreaterThan(0);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      const ours = await redis.keys('partnera-rl:*');
      if (ours.length > 0) await redis.del(...ours);
      await redis.quit();
    }
  });
});
