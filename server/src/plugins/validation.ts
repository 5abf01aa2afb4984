import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Bodies are validated strictly: wrong types and unknown fields are errors, never silently fixed.
 * Query strings, params and headers arrive as text, so only they are coerced ("20" → 20).
 */
export function registerValidation(app: FastifyInstance) {
  const base = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;
  const strict = addFormats.default(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats.default(new Ajv({ ...base, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
}
