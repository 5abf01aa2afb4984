import type { MembershipRole, OrganisationKind, PlatformRole, ProposalPartnerRole, ProposalPartnerState, RoomRole, RoomVisibility } from '@partnera/db';

/** Who is acting: a signed-in user with their platform role. */
export interface Actor {
  userId: string;
  platformRole: PlatformRole | null;
}

/** A user's standing in a proposal: their role in each partner organisation they belong to, and granted reading. */
export interface ProposalStanding {
  orgs: Array<{ organisationId: string; role: ProposalPartnerRole; state: ProposalPartnerState; membershipRole: MembershipRole }>;
  reader: boolean;
}

/** A person's standing for forum moderation: platform role, or moderator of the category at hand. */
export type ModerationRole = 'member' | 'category_moderator' | 'platform_moderator' | 'admin';
export type ModerationActionKind =
  | 'hide' | 'unhide' | 'edit' | 'lock' | 'unlock' | 'pin' | 'unpin' | 'delete' | 'dismiss' | 'move' | 'merge'
  | 'warn' | 'suspend' | 'ban' | 'lift' | 'resolve_appeal' | 'manage_categories' | 'assign_moderators' | 'view_queue' | 'view_log';

const CONTENT: ModerationRole[] = ['category_moderator', 'platform_moderator', 'admin'];
const PLATFORM: ModerationRole[] = ['platform_moderator', 'admin'];
/** Who may take each moderation action (category moderators only inside their own categories). */
export const MODERATION_MATRIX: Record<ModerationActionKind, readonly ModerationRole[]> = {
  hide: CONTENT, unhide: CONTENT, edit: CONTENT, lock: CONTENT, unlock: CONTENT, pin: CONTENT, unpin: CONTENT,
  delete: CONTENT, dismiss: CONTENT, move: CONTENT, merge: CONTENT, warn: CONTENT, view_queue: CONTENT, view_log: CONTENT,
  suspend: PLATFORM, ban: PLATFORM, lift: PLATFORM, resolve_appeal: PLATFORM, manage_categories: PLATFORM, assign_moderators: PLATFORM,
};

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
  /** Scheduled live sessions of a category are run by its moderators, platform moderators and admins. */
  runScheduledSession: (role: ModerationRole) => role !== 'member',
  isModerator: (actor: Actor | null) => actor?.platformRole === 'moderator' || actor?.platformRole === 'admin',
  /** News: an organisation's owners and editors write, publish and delete its posts; platform posts (no organisation) and any post are for admins. */
  writeNews: (orgRole: MembershipRole | null, actor: Actor | null, platformPost: boolean) =>
    policy.isAdmin(actor) || (!platformPost && (orgRole === 'owner' || orgRole === 'editor')),
  /** Only platform admins pin news on the front page. */
  pinNews: (actor: Actor | null) => policy.isAdmin(actor),
  /** The actor's moderation role where `categoryModerator` says whether they moderate the category at hand. */
  moderationRole: (actor: Actor | null, categoryModerator: boolean): ModerationRole =>
    actor?.platformRole === 'admin' ? 'admin' : actor?.platformRole === 'moderator' ? 'platform_moderator' : categoryModerator ? 'category_moderator' : 'member',
  moderate: (role: ModerationRole, action: ModerationActionKind) => MODERATION_MATRIX[action].includes(role),
  /** Staff (moderators, admins) are suspended only by an admin. */
  suspendUser: (role: ModerationRole, targetRole: PlatformRole | null) => role === 'admin' || (role === 'platform_moderator' && targetRole === null),
  /** Forums: anyone reads; signed-in people write, in an organisation's category only its members (and moderators). */
  postInForum: (scopedToOrganisation: boolean, memberOfIt: boolean, role: ModerationRole) => !scopedToOrganisation || memberOfIt || role !== 'member',
  /** Review rounds (shortlists) are run by regional councils; their owners and editors manage a round. */
  ownShortlists: (kind: OrganisationKind) => kind === 'regional_council',
  manageShortlist: (role: MembershipRole | null) => role === 'owner' || role === 'editor',
  /** Council members (any role) follow a round; anyone reads a published round's report. */
  readShortlist: (role: MembershipRole | null, published: boolean) => role !== null || published,
  /** Reviewers are chosen among the council's members, any role. */
  reviewShortlist: (councilRole: MembershipRole | null) => councilRole !== null,
  /** A reviewer scores an entry unless they declared, or have by membership, a conflict of interest. */
  scoreShortlistEntry: (isReviewer: boolean, conflicted: boolean) => isReviewer && !conflicted,
  /** Editors of an idea's organisation submit it to a round. */
  submitToShortlist: (ideaRole: MembershipRole | null) => ideaRole === 'owner' || ideaRole === 'editor',
  /** An idea becomes a proposal by its owning organisation's owners and editors. */
  createProposal: (ideaOwnerRole: MembershipRole | null) => ideaOwnerRole === 'owner' || ideaOwnerRole === 'editor',
  /** Every member of the lead or of an accepted partner co-edits the document and comments on it. */
  editProposal: (s: ProposalStanding) => s.orgs.some((o) => o.state === 'accepted'),
  /**
   * Editors, people granted reading, platform admins, and members of an organisation invited to join
   * (they need to see what they are asked to commit to).
   */
  readProposal: (s: ProposalStanding, actor: Actor | null) =>
    policy.editProposal(s) || s.reader || policy.isAdmin(actor) || s.orgs.some((o) => o.state === 'invited'),
  /** Meta data, partners, readers and status: owners and editors of the lead organisation. */
  manageProposal: (s: ProposalStanding) => s.orgs.some((o) => o.role === 'lead' && (o.membershipRole === 'owner' || o.membershipRole === 'editor')),
  /** An invitation is answered by the invited organisation's owners and editors. */
  respondToProposal: (membershipRole: MembershipRole | null) => membershipRole === 'owner' || membershipRole === 'editor',
  /** Events: owners and editors of the owning organisation create them; of any organising organisation manage them. */
  createEvent: (ownerRole: MembershipRole | null) => ownerRole === 'owner' || ownerRole === 'editor',
  manageEvent: (organiserRole: MembershipRole | null) => organiserRole === 'owner' || organiserRole === 'editor',
  /** A draft event is seen by the members (any role) of its organising organisations. */
  seeDraftEvent: (organiserRole: MembershipRole | null) => organiserRole !== null,
} as const;
