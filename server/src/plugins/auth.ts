import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { userRepository, type Db } from '@partnera/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../domain/policy';
import { AppError, unauthorized } from '../errors';

export const REFRESH_COOKIE = 'partnera_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string };
    user: { sub: string };
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by `authenticate` / `identify`. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** preHandler: requires a valid access token. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** preHandler: reads an access token when present, for routes open to everyone. */
    identify(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

export interface AuthPluginOptions {
  db: Db;
  jwtSecret: string;
  accessTokenSeconds: number;
}

/** Access tokens carry only the user id; the user is re-read so a role change or deletion applies at once. */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, { secret: opts.jwtSecret, sign: { expiresIn: opts.accessTokenSeconds } });
  app.decorateRequest('actor', null);

  async function resolveActor(request: FastifyRequest): Promise<Actor> {
    let payload: { sub: string };
    try {
      payload = await request.jwtVerify<{ sub: string }>();
    } catch {
      throw new AppError(401, 'unauthorized', 'Your session has expired or the token is invalid; sign in again');
    }
    const user = await userRepository.findUserById(opts.db, payload.sub);
    if (!user) throw unauthorized('This account no longer exists');
    return { userId: user.id, platformRole: user.platform_role };
  }

  app.decorate('authenticate', async (request: FastifyRequest) => {
    if (!request.headers.authorization) throw unauthorized();
    request.actor = await resolveActor(request);
  });
  app.decorate('identify', async (request: FastifyRequest) => {
    if (request.headers.authorization) request.actor = await resolveActor(request);
  });
});
