import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves the built SvelteKit app (adapter-node handler) on the same port as the API.
 * Returns false when the web app has not been built, so the API still runs on its own.
 */
export async function mountWeb(app: FastifyInstance, buildDir: string): Promise<boolean> {
  const entry = join(buildDir, 'handler.js');
  if (!existsSync(entry)) return false;
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: NodeHandler };
  // GET only: Fastify answers HEAD for every GET route by itself.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return sendProblem(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    reply.hijack();
    handler(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.end('Not found');
    });
  });
  return true;
}
