import {
  auditRepository,
  invitationRepository,
  membershipRepository,
  organisationRepository,
  searchOutboxRepository,
  userRepository,
  type CountryCode,
  type Db,
  type Invitation,
  type MembershipRole,
  type Organisation,
  type OrganisationFilter,
} from '@partnera/db';
import { checkLegalId } from '../domain/legal-id';
import { policy, type Actor } from '../domain/policy';
import { randomToken, sha256 } from '../domain/secrets';
import { AppError, fieldError, forbidden, isUniqueViolation, notFound } from '../errors';
import type * as S from '../schemas/organisations';
import type { Mailer } from './mailer';
import type { NotificationService } from './notification.service';
import { toTerritoryDto, type TerritoryService } from './territory.service';
import { inTransaction } from './transaction';

export interface OrganisationServiceDeps {
  db: Db;
  territories: TerritoryService;
  notifications: NotificationService;
  mailer: Mailer | null;
  publicUrl: string;
  invitationDays: number;
  clock: () => Date;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

type Fields = Partial<S.CreateOrganisationBody>;

export class OrganisationService {
  constructor(private readonly deps: OrganisationServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  // ---- reading ----

  async get(actor: Actor | null, id: string): Promise<S.Organisation> {
    const org = await this.require(this.db, id);
    return this.toDto(org, await this.roleOf(this.db, actor, id));
  }

  async list(actor: Actor | null, query: S.OrganisationListQuery): Promise<{ items: S.Organisation[]; nextCursor: string | null }> {
    if (query.mine && !actor) throw new AppError(401, 'unauthorized', 'Sign in to list your organisations');
    const filter: OrganisationFilter = {
      kind: query.kind,
      country: query.country,
      region: query.region,
      municipality: query.municipality,
      verification: query.verification,
      text: query.q?.trim() || undefined,
      memberId: query.mine ? actor?.userId : undefined,
    };
    const page = await organisationRepository.listOrganisations(this.db, filter, query.limit ?? 20, query.cursor);
    if (!page) throw new AppError(400, 'invalid_cursor', 'The page cursor is not valid');
    const roles = actor ? await this.rolesOf(actor.userId, page.items.map((o) => o.id)) : new Map<string, MembershipRole>();
    return { items: page.items.map((o) => this.toDto(o, roles.get(o.id) ?? null)), nextCursor: page.nextCursor };
  }

  // ---- writing ----

  async create(actor: Actor, body: S.CreateOrganisationBody): Promise<S.Organisation> {
    const fields = this.validate(body.country, body);
    return this.writing(async (trx) => {
      const org = await organisationRepository.insertOrganisation(trx, {
        kind: body.kind,
        name: body.name.trim(),
        country: body.country,
        legal_id: fields.legalId,
        territory_code: fields.territoryCode,
        description: body.description?.trim() ?? '',
        website: body.website ?? null,
        verification_reason: null,
        verification_decided_by: null,
        verification_decided_at: null,
      });
      await membershipRepository.upsertMembership(trx, org.id, actor.userId, 'owner');
      await this.audit(trx, actor, 'organisation.created', org.id, { name: org.name });
      await searchOutboxRepository.enqueueSearchSync(trx, 'organisation', org.id);
      return this.toDto(org, 'owner');
    });
  }

  async update(actor: Actor, id: string, expectedVersion: number, body: S.UpdateOrganisationBody): Promise<S.Organisation> {
    return this.writing(async (trx) => {
      const org = await this.require(trx, id);
      const role = await this.roleOf(trx, actor, id);
      if (!policy.editOrganisation(role)) throw forbidden('Only owners and editors can edit this organisation');
      const fields = this.validate(org.country, body);
      const legalIdChanged = body.legalId !== undefined && fields.legalId !== org.legal_id;
      const updated = await organisationRepository.updateOrganisation(trx, id, expectedVersion, {
        ...(body.kind !== undefined && { kind: body.kind }),
        ...(body.name !== undefined && { name: body.name.trim() }),
        ...(body.legalId !== undefined && { legal_id: fields.legalId }),
        ...(body.territoryCode !== undefined && { territory_code: fields.territoryCode }),
        ...(body.description !== undefined && { description: body.description.trim() }),
        ...(body.website !== undefined && { website: body.website }),
        // A verification vouches for one legal id; a new id needs a new check.
        ...(legalIdChanged && { verification_status: 'unverified', verification_reason: null }),
      });
      if (!updated) {
        throw new AppError(409, 'version_conflict', 'Someone else changed this organisation; reload and try again');
      }
      await this.audit(trx, actor, 'organisation.updated', id, { fields: Object.keys(body) });
      await searchOutboxRepository.enqueueSearchSync(trx, 'organisation', id);
      return this.toDto(updated, role);
    });
  }

  // ---- members ----

  async members(actor: Actor | null, id: string): Promise<S.Member[]> {
    await this.require(this.db, id);
    const showEmail = policy.seeMemberEmails(await this.roleOf(this.db, actor, id), actor);
    const rows = await membershipRepository.listMembers(this.db, id);
    return rows.map((m) => ({
      userId: m.user_id,
      displayName: m.display_name,
      email: showEmail ? m.email : null,
      role: m.role,
      joinedAt: m.created_at.toISOString(),
    }));
  }

  async changeRole(actor: Actor, id: string, userId: string, role: MembershipRole): Promise<S.Member> {
    return this.writing(async (trx, afterCommit) => {
      const org = await this.require(trx, id);
      if (!policy.manageMembers(await this.roleOf(trx, actor, id))) throw forbidden('Only owners can change roles');
      const current = await membershipRepository.findMembership(trx, id, userId);
      if (!current) throw notFound('Member');
      if (current.role === 'owner' && role !== 'owner') await this.keepAnOwner(trx, id);
      await membershipRepository.upsertMembership(trx, id, userId, role);
      await this.audit(trx, actor, 'membership.role_changed', id, { userId, from: current.role, to: role });
      afterCommit(
        await this.deps.notifications.notify(trx, [
          { userId, kind: 'membership.role_changed', data: { organisationName: org.name, role }, link: `/organisations/${id}` },
        ]),
      );
      const member = (await membershipRepository.listMembers(trx, id)).find((m) => m.user_id === userId)!;
      return { userId, displayName: member.display_name, email: member.email, role, joinedAt: member.created_at.toISOString() };
    });
  }

  async removeMember(actor: Actor, id: string, userId: string): Promise<void> {
    await this.writing(async (trx) => {
      await this.require(trx, id);
      const leaving = actor.userId === userId;
      if (!leaving && !policy.manageMembers(await this.roleOf(trx, actor, id))) throw forbidden('Only owners can remove members');
      const current = await membershipRepository.findMembership(trx, id, userId);
      if (!current) throw notFound('Member');
      if (current.role === 'owner') await this.keepAnOwner(trx, id);
      await membershipRepository.deleteMembership(trx, id, userId);
      await this.audit(trx, actor, leaving ? 'membership.left' : 'membership.removed', id, { userId });
    });
  }

  private async keepAnOwner(trx: Db, id: string) {
    if ((await membershipRepository.countOwners(trx, id)) <= 1) {
      throw new AppError(409, 'last_owner', 'An organisation needs at least one owner; make someone else owner first');
    }
  }

  // ---- invitations ----

  async invitations(actor: Actor, id: string): Promise<S.Invitation[]> {
    await this.require(this.db, id);
    if (!policy.manageMembers(await this.roleOf(this.db, actor, id))) throw forbidden('Only owners can see invitations');
    return (await invitationRepository.listPendingInvitations(this.db, id)).map(toInvitationDto);
  }

  async invite(actor: Actor, id: string, emailInput: string, role: MembershipRole) {
    const email = emailInput.trim().toLowerCase();
    const token = randomToken();
    const inviteUrl = `${this.deps.publicUrl}/invitations/${token}`;
    const { invitation, org } = await this.writing(async (trx, afterCommit) => {
      const org = await this.require(trx, id);
      if (!policy.manageMembers(await this.roleOf(trx, actor, id))) throw forbidden('Only owners can invite members');
      const existing = await userRepository.findUserByEmail(trx, email);
      if (existing && (await membershipRepository.findMembership(trx, id, existing.id))) {
        throw fieldError(409, 'already_member', '/email', 'This person is already a member');
      }
      const invitation = await invitationRepository.insertInvitation(trx, {
        organisation_id: id,
        email,
        role,
        token_hash: sha256(token),
        invited_by: actor.userId,
        expires_at: new Date(this.deps.clock().getTime() + this.deps.invitationDays * 86_400_000),
        accepted_by: null,
      });
      await this.audit(trx, actor, 'invitation.created', id, { email, role });
      if (existing) {
        afterCommit(
          await this.deps.notifications.notify(trx, [
            { userId: existing.id, kind: 'invitation.received', data: { organisationName: org.name, role, inviteUrl }, link: `/invitations/${token}` },
          ]),
        );
      }
      return { invitation, org };
    });
    const emailed = await this.mail(email, org.name, role, inviteUrl);
    return { invitation: toInvitationDto(invitation), emailed, inviteUrl: emailed ? null : inviteUrl };
  }

  private async mail(email: string, orgName: string, role: string, inviteUrl: string): Promise<boolean> {
    if (!this.deps.mailer) {
      this.deps.log.info({ email, inviteUrl }, 'no SMTP configured; invitation link shown to the inviter');
      return false;
    }
    try {
      await this.deps.mailer.send({
        to: email,
        subject: `Invitation to join ${orgName} on Partnera`,
        text: `You have been invited to join ${orgName} on Partnera as ${role}.\n\nOpen this link to accept:\n${inviteUrl}\n`,
      });
      return true;
    } catch (error) {
      // The invitation stands; the inviter gets the link to pass on instead.
      this.deps.log.warn({ err: error, email }, 'invitation mail failed');
      return false;
    }
  }

  async revokeInvitation(actor: Actor, id: string, invitationId: string): Promise<void> {
    await this.writing(async (trx) => {
      if (!policy.manageMembers(await this.roleOf(trx, actor, id))) throw forbidden('Only owners can revoke invitations');
      const invitation = await invitationRepository.findInvitation(trx, invitationId);
      if (!invitation || invitation.organisation_id !== id || invitation.status !== 'pending') throw notFound('Invitation');
      await invitationRepository.setInvitationStatus(trx, invitationId, 'revoked');
      await this.audit(trx, actor, 'invitation.revoked', id, { email: invitation.email });
    });
  }

  async previewInvitation(token: string) {
    const invitation = await invitationRepository.findInvitationByTokenHash(this.db, sha256(token));
    if (!invitation || invitation.status === 'revoked') throw notFound('Invitation');
    const org = await this.require(this.db, invitation.organisation_id);
    return {
      organisation: { id: org.id, name: org.name, kind: org.kind },
      email: invitation.email,
      role: invitation.role,
      status: this.isExpired(invitation) ? 'expired' : invitation.status,
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  async acceptInvitation(actor: Actor, token: string): Promise<{ organisationId: string; role: MembershipRole }> {
    return this.writing(async (trx, afterCommit) => {
      const invitation = await invitationRepository.findInvitationByTokenHash(trx, sha256(token));
      if (!invitation || invitation.status === 'revoked') throw notFound('Invitation');
      if (invitation.status === 'accepted') throw new AppError(409, 'invitation_used', 'This invitation has already been accepted');
      if (this.isExpired(invitation)) throw new AppError(410, 'invitation_expired', 'This invitation has expired; ask for a new one');
      const user = await userRepository.findUserById(trx, actor.userId);
      if (!user || user.email !== invitation.email) {
        throw new AppError(403, 'invitation_email_mismatch', `This invitation was sent to ${invitation.email}; sign in with that address`);
      }
      const org = await this.require(trx, invitation.organisation_id);
      const current = await membershipRepository.findMembership(trx, org.id, user.id);
      // Accepting never lowers a role the person already has.
      const role = current?.role === 'owner' ? 'owner' : invitation.role;
      await membershipRepository.upsertMembership(trx, org.id, user.id, role);
      await invitationRepository.setInvitationStatus(trx, invitation.id, 'accepted', user.id);
      await this.audit(trx, actor, 'invitation.accepted', org.id, { role });
      afterCommit(
        await this.deps.notifications.notify(trx, [
          {
            userId: invitation.invited_by,
            kind: 'invitation.accepted',
            data: { organisationName: org.name, memberName: user.display_name },
            link: `/organisations/${org.id}/members`,
          },
        ]),
      );
      return { organisationId: org.id, role };
    });
  }

  private isExpired(invitation: Invitation) {
    return invitation.status === 'pending' && invitation.expires_at <= this.deps.clock();
  }

  // ---- verification ----

  async requestVerification(actor: Actor, id: string): Promise<S.Organisation> {
    return this.writing(async (trx, afterCommit) => {
      const org = await this.require(trx, id);
      const role = await this.roleOf(trx, actor, id);
      if (!policy.requestVerification(role)) throw forbidden('Only owners can request verification');
      if (!org.legal_id) throw fieldError(422, 'legal_id_required', '/legalId', 'Add the registry number before requesting verification');
      if (org.verification_status === 'pending' || org.verification_status === 'verified') {
        throw new AppError(409, 'verification_not_needed', `Verification is already ${org.verification_status}`);
      }
      const updated = await organisationRepository.updateOrganisation(trx, id, org.version, {
        verification_status: 'pending',
        verification_reason: null,
      });
      if (!updated) throw new AppError(409, 'version_conflict', 'Someone else changed this organisation; try again');
      await this.audit(trx, actor, 'verification.requested', id, {});
      const admins = await userRepository.listUsersByRole(trx, 'admin');
      afterCommit(
        await this.deps.notifications.notify(
          trx,
          admins.map((a) => ({ userId: a.id, kind: 'verification.requested', data: { organisationName: org.name }, link: '/admin/verification' })),
        ),
      );
      return this.toDto(updated, role);
    });
  }

  async verificationQueue(actor: Actor): Promise<S.Organisation[]> {
    if (!policy.decideVerification(actor)) throw forbidden('Only platform admins review verification requests');
    return (await organisationRepository.listPendingVerification(this.db)).map((o) => this.toDto(o, null));
  }

  async decideVerification(actor: Actor, id: string, body: S.VerificationDecisionBody): Promise<S.Organisation> {
    if (!policy.decideVerification(actor)) throw forbidden('Only platform admins decide verification');
    const reason = body.reason?.trim() || null;
    if (body.decision === 'rejected' && !reason) {
      throw fieldError(422, 'reason_required', '/reason', 'Give a reason when rejecting, so the organisation can fix it');
    }
    return this.writing(async (trx, afterCommit) => {
      const org = await this.require(trx, id);
      if (org.verification_status !== 'pending') throw new AppError(409, 'not_pending', 'This organisation has not requested verification');
      const updated = await organisationRepository.updateOrganisation(trx, id, org.version, {
        verification_status: body.decision,
        verification_reason: reason,
        verification_decided_by: actor.userId,
        verification_decided_at: this.deps.clock(),
      });
      if (!updated) throw new AppError(409, 'version_conflict', 'Someone else changed this organisation; try again');
      await this.audit(trx, actor, `verification.${body.decision}`, id, { reason });
      await searchOutboxRepository.enqueueSearchSync(trx, 'organisation', id);
      const owners = await membershipRepository.listOwnerAndEditorIds(trx, id);
      afterCommit(
        await this.deps.notifications.notify(
          trx,
          owners.map((userId) => ({
            userId,
            kind: 'verification.decided',
            data: { organisationName: org.name, decision: body.decision, reason },
            link: `/organisations/${id}`,
          })),
        ),
      );
      return this.toDto(updated, null);
    });
  }

  // ---- helpers ----

  /** A write in one transaction; a unique violation here can only be the legal id. */
  private async writing<T>(work: (trx: Db, afterCommit: (fn: () => void) => void) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.db, work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw fieldError(409, 'legal_id_taken', '/legalId', 'Another organisation in this country has this registry number');
      }
      throw error;
    }
  }

  private validate(country: CountryCode, body: Fields): { legalId: string | null; territoryCode: string | null } {
    let legalId: string | null = null;
    if (body.legalId) {
      const checked = checkLegalId(country, body.legalId);
      if (!checked.ok) throw fieldError(422, 'invalid_legal_id', '/legalId', checked.message);
      legalId = checked.value;
    }
    let territoryCode: string | null = null;
    if (body.territoryCode) {
      const territory = this.deps.territories.get(body.territoryCode);
      if (!territory || territory.country !== country || territory.level === 'country') {
        throw fieldError(422, 'invalid_territory', '/territoryCode', 'Pick a region or municipality of the organisation\'s country');
      }
      territoryCode = territory.code;
    }
    return { legalId, territoryCode };
  }

  private async require(db: Db, id: string): Promise<Organisation> {
    const org = await organisationRepository.findOrganisation(db, id);
    if (!org) throw notFound('Organisation');
    return org;
  }

  private async roleOf(db: Db, actor: Actor | null, id: string): Promise<MembershipRole | null> {
    if (!actor) return null;
    return (await membershipRepository.findMembership(db, id, actor.userId))?.role ?? null;
  }

  private async rolesOf(userId: string, ids: string[]): Promise<Map<string, MembershipRole>> {
    if (ids.length === 0) return new Map();
    const mine = await membershipRepository.listMembershipsOfUser(this.db, userId);
    return new Map(mine.filter((m) => ids.includes(m.id)).map((m) => [m.id, m.role]));
  }

  private audit(trx: Db, actor: Actor, action: string, id: string, details: Record<string, unknown>) {
    return auditRepository.recordAudit(trx, { actorId: actor.userId, action, subjectType: 'organisation', subjectId: id, details });
  }

  private toDto(org: Organisation, myRole: MembershipRole | null): S.Organisation {
    const territory = org.territory_code ? this.deps.territories.get(org.territory_code) : undefined;
    return {
      id: org.id,
      kind: org.kind,
      name: org.name,
      legalId: org.legal_id,
      country: org.country,
      territoryCode: org.territory_code,
      territory: territory ? toTerritoryDto(territory) : null,
      description: org.description,
      website: org.website,
      verification: {
        status: org.verification_status,
        reason: org.verification_reason,
        decidedAt: org.verification_decided_at?.toISOString() ?? null,
      },
      version: org.version,
      createdAt: org.created_at.toISOString(),
      updatedAt: org.updated_at.toISOString(),
      myRole,
    };
  }
}

function toInvitationDto(i: Invitation): S.Invitation {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    status: i.status,
    expiresAt: i.expires_at.toISOString(),
    createdAt: i.created_at.toISOString(),
  };
}
