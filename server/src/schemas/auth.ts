import { Type, type Static } from '@sinclair/typebox';
import { Locale, Timestamp, Uuid } from './common';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 10, maxLength: 200 });
export const DisplayName = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });

export const RegisterBody = Type.Object(
  { email: Email, password: Password, displayName: DisplayName, locale: Type.Optional(Locale) },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  { email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const MembershipSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  role: Type.Union([Type.Literal('owner'), Type.Literal('editor'), Type.Literal('member')]),
});

export const Me = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  platformRole: Type.Union([Type.Literal('admin'), Type.Literal('moderator'), Type.Null()]),
  locale: Locale,
  createdAt: Timestamp,
  organisations: Type.Array(MembershipSummary),
});
export type Me = Static<typeof Me>;

export const Session = Type.Object({ accessToken: Type.String(), expiresIn: Type.Integer(), user: Me });
export type Session = Static<typeof Session>;

export const UpdateMeBody = Type.Object(
  { displayName: Type.Optional(DisplayName), locale: Type.Optional(Locale) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
