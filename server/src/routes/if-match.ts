import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** Parses `If-Match: "<version>"`; edits without it are refused so no one overwrites blindly. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw new AppError(428, 'precondition_required', 'Send If-Match with the ETag you last read');
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new AppError(400, 'invalid_if_match', 'If-Match must be an ETag like "3"');
  return Number(match[1]);
}

/** Sends a versioned resource with its ETag. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, body: T) {
  return reply.header('etag', `"${body.version}"`).send(body);
}
