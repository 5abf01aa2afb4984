import type { App } from '../app';
import { IdParams } from '../schemas/common';
import * as S from '../schemas/proposals';
import { problemResponses } from '../schemas/responses';
import { expectedVersion, withEtag } from './if-match';

const bearer = [{ bearer: [] }];
const tags = ['proposals'];
const noContent = { 204: { type: 'null' } };

export default async function proposalRoutes(app: App) {
  const { proposals } = app.services;
  const rateLimit = { max: app.config.postRateLimit, timeWindow: '1 minute' };
  const auth = { preHandler: app.authenticate };

  app.post(
    '/api/v1/ideas/:id/proposal',
    { ...auth, config: { rateLimit }, schema: { tags, summary: 'Turn an idea into a joint proposal (its organisation leads)', security: bearer, params: IdParams, response: { 201: S.ProposalDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply.status(201), await proposals.createFromIdea(request.actor!, request.params.id)),
  );

  app.get(
    '/api/v1/proposals',
    { ...auth, schema: { tags, summary: 'Proposals the caller takes part in or may read, newest first', security: bearer, querystring: S.ProposalListQuery, response: { 200: S.ProposalPage, ...problemResponses } } },
    async (request) => proposals.list(request.actor!, request.query),
  );

  app.get(
    '/api/v1/proposals/:id',
    { ...auth, schema: { tags, summary: 'One proposal: meta data, partners, content, completeness checks', security: bearer, params: IdParams, response: { 200: S.ProposalDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await proposals.get(request.actor!, request.params.id)),
  );

  app.patch(
    '/api/v1/proposals/:id',
    { ...auth, schema: { tags, summary: 'Change title, language, call or status (If-Match required; a status change saves a version)', security: bearer, params: IdParams, body: S.UpdateProposalBody, response: { 200: S.ProposalDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await proposals.update(request.actor!, request.params.id, expectedVersion(request), request.body)),
  );

  // ---- partners and readers ----

  app.post(
    '/api/v1/proposals/:id/partners',
    { ...auth, config: { rateLimit }, schema: { tags, summary: 'Invite a partner organisation', security: bearer, params: IdParams, body: S.InvitePartnerBody, response: { 201: S.ProposalDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply.status(201), await proposals.invitePartner(request.actor!, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/proposals/:id/partners/:orgId/accept',
    { ...auth, schema: { tags, summary: "Accept an organisation's invitation", security: bearer, params: S.PartnerParams, response: { 200: S.ProposalDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply, (await proposals.respond(request.actor!, request.params.id, request.params.orgId, 'accepted'))!),
  );

  app.post(
    '/api/v1/proposals/:id/partners/:orgId/decline',
    {
      ...auth,
      schema: {
        tags,
        summary: "Decline an organisation's invitation (204 when the caller can no longer see the proposal)",
        security: bearer,
        params: S.PartnerParams,
        response: { 200: S.ProposalDetail, ...noContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      const detail = await proposals.respond(request.actor!, request.params.id, request.params.orgId, 'declined');
      return detail ? withEtag(reply, detail) : reply.status(204).send();
    },
  );

  app.delete(
    '/api/v1/proposals/:id/partners/:orgId',
    { ...auth, schema: { tags, summary: 'Remove a partner (not the lead)', security: bearer, params: S.PartnerParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await proposals.removePartner(request.actor!, request.params.id, request.params.orgId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/proposals/:id/readers',
    { ...auth, config: { rateLimit }, schema: { tags, summary: 'Grant a person read access', security: bearer, params: IdParams, body: S.AddReaderBody, response: { 201: S.ProposalDetail, ...problemResponses } } },
    async (request, reply) => withEtag(reply.status(201), await proposals.addReader(request.actor!, request.params.id, request.body.email)),
  );

  app.delete(
    '/api/v1/proposals/:id/readers/:userId',
    { ...auth, schema: { tags, summary: "Withdraw a person's read access", security: bearer, params: S.ReaderParams, response: { ...noContent, ...problemResponses } } },
    async (request, reply) => {
      await proposals.removeReader(request.actor!, request.params.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  // ---- versions ----

  app.get(
    '/api/v1/proposals/:id/versions',
    { ...auth, schema: { tags, summary: 'Saved versions, newest first', security: bearer, params: IdParams, response: { 200: S.ProposalVersionList, ...problemResponses } } },
    async (request) => ({ items: await proposals.listVersions(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/v1/proposals/:id/versions',
    { ...auth, config: { rateLimit }, schema: { tags, summary: 'Save the live document as a named version', security: bearer, params: IdParams, body: S.CreateVersionBody, response: { 201: S.ProposalVersion, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await proposals.createVersion(request.actor!, request.params.id, request.body.name)),
  );

  app.get(
    '/api/v1/proposals/:id/versions/:versionId',
    { ...auth, schema: { tags, summary: 'One version with its content', security: bearer, params: S.VersionParams, response: { 200: S.ProposalVersionDetail, ...problemResponses } } },
    async (request) => proposals.getVersion(request.actor!, request.params.id, request.params.versionId),
  );

  app.post(
    '/api/v1/proposals/:id/versions/:versionId/restore',
    { ...auth, config: { rateLimit }, schema: { tags, summary: 'Set the live document to a version (saved as a new version)', security: bearer, params: S.VersionParams, response: { 201: S.ProposalVersion, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await proposals.restore(request.actor!, request.params.id, request.params.versionId)),
  );

  app.get(
    '/api/v1/proposals/:id/diff',
    { ...auth, schema: { tags, summary: 'Word-level differences between two versions (or "current")', security: bearer, params: IdParams, querystring: S.DiffQuery, response: { 200: S.ProposalDiff, ...problemResponses } } },
    async (request) => proposals.diff(request.actor!, request.params.id, request.query.from, request.query.to),
  );

  // ---- comments ----

  app.get(
    '/api/v1/proposals/:id/comments',
    { ...auth, schema: { tags, summary: 'Comments on sections, oldest first', security: bearer, params: IdParams, response: { 200: S.ProposalCommentList, ...problemResponses } } },
    async (request) => ({ items: await proposals.listComments(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/v1/proposals/:id/comments',
    { ...auth, config: { rateLimit }, schema: { tags, summary: 'Comment on a section (partner members)', security: bearer, params: IdParams, body: S.CreateCommentBody, response: { 201: S.ProposalComment, ...problemResponses } } },
    async (request, reply) => reply.status(201).send(await proposals.addComment(request.actor!, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/proposals/:id/comments/:cid/resolve',
    { ...auth, schema: { tags, summary: 'Mark a comment resolved', security: bearer, params: S.CommentParams, response: { 200: S.ProposalComment, ...problemResponses } } },
    async (request) => proposals.setResolved(request.actor!, request.params.id, request.params.cid, true),
  );

  app.post(
    '/api/v1/proposals/:id/comments/:cid/reopen',
    { ...auth, schema: { tags, summary: 'Reopen a resolved comment', security: bearer, params: S.CommentParams, response: { 200: S.ProposalComment, ...problemResponses } } },
    async (request) => proposals.setResolved(request.actor!, request.params.id, request.params.cid, false),
  );

  // ---- export ----

  app.get(
    '/api/v1/proposals/:id/export',
    {
      ...auth,
      config: { rateLimit },
      schema: { tags, summary: 'The submission document (DOCX, PDF or Markdown) in the proposal language', security: bearer, params: IdParams, querystring: S.ExportQuery },
    },
    async (request, reply) => {
      const file = await proposals.export(request.actor!, request.params.id, request.query.format);
      return reply.header('content-type', file.mediaType).header('content-disposition', file.disposition).header('cache-control', 'no-store').send(file.body);
    },
  );
}
