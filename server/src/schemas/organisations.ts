import { Type, type Static } from '@sinclair/typebox';
import { Country, PageQuery, Paged, Timestamp, Uuid } from './common';

export const OrganisationKind = Type.Union([
  Type.Literal('ngo'),
  Type.Literal('municipality'),
  Type.Literal('regional_council'),
  Type.Literal('other'),
]);
export const MemberRole = Type.Union([Type.Literal('owner'), Type.Literal('editor'), Type.Literal('member')]);
export type MemberRole = Static<typeof MemberRole>;
export const VerificationStatus = Type.Union([
  Type.Literal('unverified'),
  Type.Literal('pending'),
  Type.Literal('verified'),
  Type.Literal('rejected'),
]);

export const TerritoryRef = Type.Object({
  code: Type.String(),
  level: Type.String(),
  nameLocal: Type.String(),
  nameEn: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});

export const Organisation = Type.Object({
  id: Uuid,
  kind: OrganisationKind,
  name: Type.String(),
  legalId: Type.Union([Type.String(), Type.Null()]),
  country: Country,
  territoryCode: Type.Union([Type.String(), Type.Null()]),
  territory: Type.Union([TerritoryRef, Type.Null()]),
  description: Type.String(),
  website: Type.Union([Type.String(), Type.Null()]),
  verification: Type.Object({
    status: VerificationStatus,
    reason: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([Timestamp, Type.Null()]),
  }),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The caller's role in this organisation, or null. */
  myRole: Type.Union([MemberRole, Type.Null()]),
});
export type Organisation = Static<typeof Organisation>;

const Website = Type.String({ maxLength: 300, pattern: '^https?://[^\\s]+$' });
const Name = Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' });
const Description = Type.String({ maxLength: 5000 });
const LegalId = Type.String({ minLength: 1, maxLength: 20 });
const TerritoryCode = Type.String({ maxLength: 40 });

export const CreateOrganisationBody = Type.Object(
  {
    kind: OrganisationKind,
    name: Name,
    country: Country,
    legalId: Type.Optional(Type.Union([LegalId, Type.Null()])),
    territoryCode: Type.Optional(Type.Union([TerritoryCode, Type.Null()])),
    description: Type.Optional(Description),
    website: Type.Optional(Type.Union([Website, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = Type.Partial(Type.Omit(CreateOrganisationBody, ['country']), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateOrganisationBody = Static<typeof UpdateOrganisationBody>;

export const OrganisationListQuery = Type.Object(
  {
    kind: Type.Optional(OrganisationKind),
    country: Type.Optional(Country),
    region: Type.Optional(TerritoryCode),
    municipality: Type.Optional(TerritoryCode),
    verification: Type.Optional(VerificationStatus),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    mine: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganisationListQuery = Static<typeof OrganisationListQuery>;
export const OrganisationPage = Paged(Organisation);

export const Member = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  /** Shown to fellow members only. */
  email: Type.Union([Type.String(), Type.Null()]),
  role: MemberRole,
  joinedAt: Timestamp,
});
export type Member = Static<typeof Member>;

export const MemberParams = Type.Object({ id: Uuid, userId: Uuid });
export const ChangeRoleBody = Type.Object({ role: MemberRole }, { additionalProperties: false });

export const Invitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: MemberRole,
  status: Type.String(),
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type Invitation = Static<typeof Invitation>;

export const InviteBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), role: MemberRole },
  { additionalProperties: false },
);
export const InvitationCreated = Type.Object({
  invitation: Invitation,
  emailed: Type.Boolean(),
  /** Present when no mail was sent, so the inviter can pass the link on. */
  inviteUrl: Type.Union([Type.String(), Type.Null()]),
});
export const InvitationParams = Type.Object({ id: Uuid, invitationId: Uuid });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export const InvitationPreview = Type.Object({
  organisation: Type.Object({ id: Uuid, name: Type.String(), kind: OrganisationKind }),
  email: Type.String(),
  role: MemberRole,
  status: Type.String(),
  expiresAt: Timestamp,
});

export const VerificationDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('verified'), Type.Literal('rejected')]),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type VerificationDecisionBody = Static<typeof VerificationDecisionBody>;

export const TerritoryQuery = Type.Object(
  {
    country: Type.Optional(Country),
    level: Type.Optional(Type.Union([Type.Literal('country'), Type.Literal('region'), Type.Literal('municipality')])),
    parent: Type.Optional(TerritoryCode),
  },
  { additionalProperties: false },
);
export const TerritoryList = Type.Object({ items: Type.Array(TerritoryRef) });
