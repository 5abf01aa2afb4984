import { Type } from '@sinclair/typebox';
import type { App } from '../app';
import { expectedVersion } from './if-match';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/organisations';
import { problemResponses } from '../schemas/responses';
import { toTerritoryDto } from '../services/territory.service';

const bearer = [{ bearer: [] }];
const tags = ['organisations'];

export default async function organisationRoutes(app: App) {
  const { organisations } = app.services;
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/v1/organisations',
    { preHandler: app.identify, schema: { tags, summary: 'Directory of organisations', querystring: S.OrganisationListQuery, response: { 200: S.OrganisationPage, ...problemResponses } } },
    async (request) => organisations.list(request.actor, request.query),
  );

  app.post(
    '/api/v1/organisations',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: { tags, summary: 'Create an organisation; you become its owner', security: bearer, body: S.CreateOrganisationBody, response: { 201: S.Organisation, ...problemResponses } },
    },
    async (request, reply) => {
      const org = await organisations.create(request.actor!, request.body);
      return reply.status(201).header('etag', `"${org.version}"`).header('location', `/api/v1/organisations/${org.id}`).send(org);
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    { preHandler: app.identify, schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: S.Organisation, ...problemResponses } } },
    async (request, reply) => {
      const org = await organisations.get(request.actor, request.params.id);
      return reply.header('etag', `"${org.version}"`).send(org);
    },
  );

  app.patch(
    '/api/v1/organisations/:id',
    {
      preHandler: app.authenticate,
      schema: { tags, summary: 'Edit an organisation (If-Match required)', security: bearer, params: IdParams, body: S.UpdateOrganisationBody, response: { 200: S.Organisation, ...problemResponses } },
    },
    async (request, reply) => {
      const org = await organisations.update(request.actor!, request.params.id, expectedVersion(request), request.body);
      return reply.header('etag', `"${org.version}"`).send(org);
    },
  );

  app.get(
    '/api/v1/organisations/:id/members',
    { preHandler: app.identify, schema: { tags, summary: 'Members and their roles', params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.Member) }), ...problemResponses } } },
    async (request) => ({ items: await organisations.members(request.actor, request.params.id) }),
  );

  app.patch(
    '/api/v1/organisations/:id/members/:userId',
    { preHandler: app.authenticate, schema: { tags, summary: "Change a member's role", security: bearer, params: S.MemberParams, body: S.ChangeRoleBody, response: { 200: S.Member, ...problemResponses } } },
    async (request) => organisations.changeRole(request.actor!, request.params.id, request.params.userId, request.body.role),
  );

  app.delete(
    '/api/v1/organisations/:id/members/:userId',
    { preHandler: app.authenticate, schema: { tags, summary: 'Remove a member, or leave', security: bearer, params: S.MemberParams, response: { 204: { type: 'null' }, ...problemResponses } } },
    async (request, reply) => {
      await organisations.removeMember(request.actor!, request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/organisations/:id/invitations',
    { preHandler: app.authenticate, schema: { tags, summary: 'Pending invitations', security: bearer, params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.Invitation) }), ...problemResponses } } },
    async (request) => ({ items: await organisations.invitations(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/v1/organisations/:id/invitations',
    {
      preHandler: app.authenticate,
      config: { rateLimit },
      schema: { tags, summary: 'Invite someone by email', security: bearer, params: IdParams, body: S.InviteBody, response: { 201: S.InvitationCreated, ...problemResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await organisations.invite(request.actor!, request.params.id, request.body.email, request.body.role)),
  );

  app.delete(
    '/api/v1/organisations/:id/invitations/:invitationId',
    { preHandler: app.authenticate, schema: { tags, summary: 'Revoke an invitation', security: bearer, params: S.InvitationParams, response: { 204: { type: 'null' }, ...problemResponses } } },
    async (request, reply) => {
      await organisations.revokeInvitation(request.actor!, request.params.id, request.params.invitationId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/invitations/:token',
    { schema: { tags, summary: 'What an invitation link offers', params: S.TokenParams, response: { 200: S.InvitationPreview, ...problemResponses } } },
    async (request) => organisations.previewInvitation(request.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      preHandler: app.authenticate,
      schema: { tags, summary: 'Accept an invitation', security: bearer, params: S.TokenParams, response: { 200: Type.Object({ organisationId: Type.String(), role: S.MemberRole }), ...problemResponses } },
    },
    async (request) => organisations.acceptInvitation(request.actor!, request.params.token),
  );

  app.post(
    '/api/v1/organisations/:id/verification-request',
    { preHandler: app.authenticate, schema: { tags, summary: 'Ask a platform admin to verify the legal id', security: bearer, params: IdParams, response: { 200: S.Organisation, ...problemResponses } } },
    async (request) => organisations.requestVerification(request.actor!, request.params.id),
  );

  app.get(
    '/api/v1/admin/verification-queue',
    { preHandler: app.authenticate, schema: { tags: ['admin'], summary: 'Organisations waiting for verification', security: bearer, response: { 200: Type.Object({ items: Type.Array(S.Organisation) }), ...problemResponses } } },
    async (request) => ({ items: await organisations.verificationQueue(request.actor!) }),
  );

  app.post(
    '/api/v1/admin/organisations/:id/verification',
    { preHandler: app.authenticate, schema: { tags: ['admin'], summary: 'Verify or reject (with a reason)', security: bearer, params: IdParams, body: S.VerificationDecisionBody, response: { 200: S.Organisation, ...problemResponses } } },
    async (request) => organisations.decideVerification(request.actor!, request.params.id, request.body),
  );

  app.get(
    '/api/v1/territories',
    { schema: { tags: ['territories'], summary: 'Countries, regions and municipalities', querystring: S.TerritoryQuery, response: { 200: S.TerritoryList, ...problemResponses } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { items: app.services.territories.list(request.query).map(toTerritoryDto) };
    },
  );
}
