import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { fieldError } from '../errors';

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
      const path = nulPath(value, '', 0);
      if (path !== null) throw fieldError(part === 'body' ? 422 : 400, 'invalid_characters', path, `The ${part} contains a NUL character (U+0000), which text may not hold`);
    }
  });
}

/** Where a NUL character sits (a JSON pointer), looking through strings, arrays and plain objects; null if nowhere. */
function nulPath(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : null;
  if (depth > 20 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, `${path}/${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
