import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Locale = Type.Union([Type.Literal('bg'), Type.Literal('sq'), Type.Literal('az'), Type.Literal('en')]);
export type Locale = Static<typeof Locale>;
export const Country = Type.Union([Type.Literal('BG'), Type.Literal('AL'), Type.Literal('AZ')]);
export type Country = Static<typeof Country>;
export const Timestamp = Type.String({ format: 'date-time' });

/** RFC 9457 problem details, with our stable `code` and per-field errors. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

export function Paged<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const IdParams = Type.Object({ id: Uuid });
