import type { FastifyReply } from 'fastify';
import type { App } from '../app';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '../plugins/auth';
import { ChangePasswordBody, LoginBody, Me, RegisterBody, Session, UpdateMeBody } from '../schemas/auth';
import { problemResponses } from '../schemas/responses';
import type { IssuedSession } from '../services/auth.service';

export default async function authRoutes(app: App) {
  const { auth } = app.services;
  const { config } = app;
  // Login and register are rate limited per client address to slow password guessing and spam accounts.
  const rateLimit = { max: config.authRateLimit, timeWindow: '1 minute' };

  async function startSession(reply: FastifyReply, session: IssuedSession) {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    return {
      accessToken: await reply.jwtSign({ sub: session.user.id }),
      expiresIn: config.accessTokenSeconds,
      user: await auth.toMe(session.user),
    };
  }

  app.post(
    '/api/v1/auth/register',
    {
      config: { rateLimit },
      schema: { tags: ['auth'], summary: 'Create an account and sign in', body: RegisterBody, response: { 201: Session, ...problemResponses } },
    },
    async (request, reply) => {
      const session = await auth.register(request.body);
      return reply.status(201).send(await startSession(reply, session));
    },
  );

  app.post(
    '/api/v1/auth/login',
    { config: { rateLimit }, schema: { tags: ['auth'], summary: 'Sign in', body: LoginBody, response: { 200: Session, ...problemResponses } } },
    async (request, reply) => startSession(reply, await auth.login(request.body.email, request.body.password)),
  );

  app.post(
    '/api/v1/auth/refresh',
    { config: { rateLimit: { max: config.refreshRateLimit, timeWindow: '1 minute' } }, schema: { tags: ['auth'], summary: 'Rotate the refresh cookie and get a new access token', response: { 200: Session, ...problemResponses } } },
    async (request, reply) => {
      try {
        return await startSession(reply, await auth.refresh(request.cookies[REFRESH_COOKIE]));
      } catch (error) {
        reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out and revoke this session', response: { 204: { type: 'null' } } } },
    async (request, reply) => {
      await auth.logout(request.cookies[REFRESH_COOKIE]);
      reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    { preHandler: app.authenticate, schema: { tags: ['me'], summary: 'The signed-in user', security: [{ bearer: [] }], response: { 200: Me, ...problemResponses } } },
    async (request) => auth.me(request.actor!.userId),
  );

  app.patch(
    '/api/v1/me',
    { preHandler: app.authenticate, schema: { tags: ['me'], summary: 'Change display name or language', security: [{ bearer: [] }], body: UpdateMeBody, response: { 200: Me, ...problemResponses } } },
    async (request) => auth.updateMe(request.actor!.userId, request.body),
  );

  app.post(
    '/api/v1/me/password',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: { tags: ['me'], summary: 'Change password; other sessions are signed out', security: [{ bearer: [] }], body: ChangePasswordBody, response: { 200: Session, ...problemResponses } },
    },
    async (request, reply) =>
      startSession(reply, await auth.changePassword(request.actor!.userId, request.body.currentPassword, request.body.newPassword)),
  );
}
