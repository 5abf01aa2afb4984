import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * Bodies are validated strictly: wrong types and unknown fields are errors, never silently fixed.
 * Query strings, params and headers arrive as text, so only they are coerced ("20" → 20).
 */
export function registerValidation(app: FastifyInstance) {
  const base = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;
  const strict = addFormats.default(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats.default(new Ajv({ ...base, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  // PostgreSQL text cannot hold U+0000: refuse it at the edge instead of failing deep inside a query.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['query', request.query], ['params', request.params], ['body', request.body]] as const) {
      if (holdsNul(value, 0)) throw new AppError(400, 'invalid_character', `The ${part} contains a NUL character (U+0000), which text may not hold`);
    }
  });
}

/** Looks through strings, arrays and plain objects (bounded depth, as bodies are size-limited anyway). */
function holdsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  const items = Array.isArray(value) ? value : Object.entries(value).flat();
  return items.some((item) => holdsNul(item, depth + 1));
}
