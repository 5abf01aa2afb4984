import type { AuditLogTable } from './audit-log';
import type { IdeaCoauthorsTable } from './idea-coauthors';
import type { IdeaMeasureLinksTable } from './idea-measure-links';
import type { IdeaPlacesTable } from './idea-places';
import type { IdeasTable } from './ideas';
import type { InvitationsTable } from './invitations';
import type { MembershipsTable } from './memberships';
import type { NotificationsTable } from './notifications';
import type { OrganisationsTable } from './organisations';
import type { PlanItemsTable } from './plan-items';
import type { PlansTable } from './plans';
import type { RefreshTokensTable } from './refresh-tokens';
import type { RoomMembersTable } from './room-members';
import type { RoomMessagesTable } from './room-messages';
import type { RoomMutesTable } from './room-mutes';
import type { RoomsTable } from './rooms';
import type { SearchOutboxTable } from './search-outbox';
import type {
  ShortlistConflictsTable,
  ShortlistCriteriaTable,
  ShortlistEntriesTable,
  ShortlistReviewersTable,
  ShortlistReviewsTable,
  ShortlistRoundPlansTable,
  ShortlistRoundsTable,
  ShortlistScoresTable,
} from './shortlists';
import type { TerritoriesTable } from './territories';
import type { UsersTable } from './users';
import type { AttachmentsTable, ForumCategoriesTable, ForumCategoryModeratorsTable, ForumPostReactionsTable, ForumPostsTable, ForumSubscriptionsTable, ForumThreadReadsTable, ForumThreadsTable } from './forums';
import type { AppealsTable, ModerationActionsTable, ReportsTable, UserSuspensionsTable } from './moderation';
import type { ForumSessionHandsTable, ForumSessionRemindersTable, ForumSessionsTable } from './forum-sessions';
import type { NewsPostsTable } from './news';
import type { ProposalCommentsTable } from './proposal-comments';
import type { ProposalDocUpdatesTable } from './proposal-doc-updates';
import type { ProposalMeasuresTable } from './proposal-measures';
import type { ProposalPartnersTable } from './proposal-partners';
import type { ProposalReadersTable } from './proposal-readers';
import type { ProposalVersionsTable } from './proposal-versions';
import type { ProposalsTable } from './proposals';
import type { EventIdeasTable, EventOrganisersTable, EventRegistrationsTable, EventsTable } from './events';

export interface Database {
  events: EventsTable;
  event_organisers: EventOrganisersTable;
  event_registrations: EventRegistrationsTable;
  event_ideas: EventIdeasTable;
  forum_categories: ForumCategoriesTable;
  forum_category_moderators: ForumCategoryModeratorsTable;
  forum_threads: ForumThreadsTable;
  forum_posts: ForumPostsTable;
  forum_post_reactions: ForumPostReactionsTable;
  forum_subscriptions: ForumSubscriptionsTable;
  forum_thread_reads: ForumThreadReadsTable;
  attachments: AttachmentsTable;
  reports: ReportsTable;
  moderation_actions: ModerationActionsTable;
  forum_sessions: ForumSessionsTable;
  forum_session_hands: ForumSessionHandsTable;
  forum_session_reminders: ForumSessionRemindersTable;
  news_posts: NewsPostsTable;
  appeals: AppealsTable;
  user_suspensions: UserSuspensionsTable;
  proposals: ProposalsTable;
  proposal_partners: ProposalPartnersTable;
  proposal_readers: ProposalReadersTable;
  proposal_measures: ProposalMeasuresTable;
  proposal_doc_updates: ProposalDocUpdatesTable;
  proposal_versions: ProposalVersionsTable;
  proposal_comments: ProposalCommentsTable;
  users: UsersTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  refresh_tokens: RefreshTokensTable;
  audit_log: AuditLogTable;
  territories: TerritoriesTable;
  notifications: NotificationsTable;
  plans: PlansTable;
  plan_items: PlanItemsTable;
  ideas: IdeasTable;
  idea_places: IdeaPlacesTable;
  idea_coauthors: IdeaCoauthorsTable;
  idea_measure_links: IdeaMeasureLinksTable;
  rooms: RoomsTable;
  room_members: RoomMembersTable;
  room_messages: RoomMessagesTable;
  room_mutes: RoomMutesTable;
  search_outbox: SearchOutboxTable;
  shortlist_rounds: ShortlistRoundsTable;
  shortlist_round_plans: ShortlistRoundPlansTable;
  shortlist_criteria: ShortlistCriteriaTable;
  shortlist_reviewers: ShortlistReviewersTable;
  shortlist_entries: ShortlistEntriesTable;
  shortlist_reviews: ShortlistReviewsTable;
  shortlist_scores: ShortlistScoresTable;
  shortlist_conflicts: ShortlistConflictsTable;
}

export type * from './audit-log';
export type * from './idea-coauthors';
export type * from './idea-measure-links';
export type * from './idea-places';
export type * from './ideas';
export type * from './plan-items';
export type * from './plans';
export type * from './invitations';
export type * from './memberships';
export type * from './notifications';
export type * from './organisations';
export type * from './refresh-tokens';
export type * from './room-members';
export type * from './room-messages';
export type * from './room-mutes';
export type * from './rooms';
export type * from './search-outbox';
export type * from './shortlists';
export type * from './territories';
export type * from './users';
export type * from './proposals';
export type * from './proposal-partners';
export type * from './proposal-readers';
export type * from './proposal-measures';
export type * from './proposal-doc-updates';
export type * from './proposal-versions';
export type * from './proposal-comments';
export type * from './forums';
export type * from './moderation';
export type * from './forum-sessions';
export type * from './events';
export type * from './news';
