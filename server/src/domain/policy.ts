import type { MembershipRole, OrganisationKind, PlatformRole, RoomRole, RoomVisibility } from '@partnera/db';

/** Who is acting: a signed-in user with their platform role. */
export interface Actor {
  userId: string;
  platformRole: PlatformRole | null;
}

/** The one place that decides who may do what; services call it, routes never decide. */
export const policy = {
  isAdmin: (actor: Actor | null) => actor?.platformRole === 'admin',
  editOrganisation: (role: MembershipRole | null) => role === 'owner' || role === 'editor',
  manageMembers: (role: MembershipRole | null) => role === 'owner',
  requestVerification: (role: MembershipRole | null) => role === 'owner',
  seeMemberEmails: (role: MembershipRole | null, actor: Actor | null) => role !== null || policy.isAdmin(actor),
  decideVerification: (actor: Actor | null) => policy.isAdmin(actor),
  /** Plans belong to municipalities and regional councils; their owners and editors write them. */
  ownPlans: (kind: OrganisationKind) => kind === 'municipality' || kind === 'regional_council',
  editPlan: (role: MembershipRole | null) => role === 'owner' || role === 'editor',
  /** Drafts are seen only inside the organisation (any member). */
  seeDraft: (role: MembershipRole | null) => role !== null,
  createIdea: (role: MembershipRole | null) => role === 'owner' || role === 'editor',
  /** Editors of the owning or a co-authoring organisation. */
  editIdea: (role: MembershipRole | null) => role === 'owner' || role === 'editor',
  /** Public rooms are open to every signed-in user to read and join; members-only rooms to their members. */
  readRoom: (visibility: RoomVisibility, role: RoomRole | null) => visibility === 'public' || role !== null,
  joinRoom: (visibility: RoomVisibility) => visibility === 'public',
  /** Members write unless a host or moderator muted them. */
  postInRoom: (role: RoomRole | null, muted: boolean) => role !== null && !muted,
  /** Hosts run their room: title, visibility, members and their roles. */
  manageRoom: (role: RoomRole | null) => role === 'host',
  /** Hosts and platform moderators hide messages and mute people. */
  moderateRoom: (role: RoomRole | null, actor: Actor | null) => role === 'host' || policy.isModerator(actor),
  /** Live forum sessions are opened by platform moderators. */
  openForumSession: (actor: Actor | null) => policy.isModerator(actor),
  isModerator: (actor: Actor | null) => actor?.platformRole === 'moderator' || actor?.platformRole === 'admin',
} as const;
