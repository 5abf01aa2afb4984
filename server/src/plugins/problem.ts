import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

// Fastify's own client-error codes, mapped to our stable codes.
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: Array<{ path: string; message: string }>,
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://partnera.dev/problems/${code}`,
      title: titles[status] ?? 'Error',
      status,
      code,
      detail,
      instance: reply.request.url,
      ...(errors && { errors }),
    });
}

/** Every error leaves as RFC 9457 problem+json; a 5xx never shows internals. */
export function registerProblemHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, error.status, error.code, error.message, error.errors);
    if ('validation' in error && error.validation) {
      const errors = error.validation.map((v) => ({
        path: v.instancePath || (v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : '') ||
          (v.params && 'additionalProperty' in v.params ? `/${String(v.params.additionalProperty)}` : '/'),
        message: v.params && 'additionalProperty' in v.params ? `unknown field "${String(v.params.additionalProperty)}"` : (v.message ?? 'invalid'),
      }));
      return sendProblem(reply, 400, 'validation_failed', `Invalid ${error.validationContext ?? 'request'}`, errors);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, status, fastifyCodes[error.code] ?? (status === 429 ? 'rate_limited' : 'bad_request'), error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side; it has been logged');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
}
