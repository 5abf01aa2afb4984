/** Types of the HTTP API, shared with the web app (type-only imports). */
export type { Problem, Locale, Country } from './schemas/common';
export type { Me, Session, RegisterBody, LoginBody, UpdateMeBody, ChangePasswordBody } from './schemas/auth';
export type {
  Organisation,
  CreateOrganisationBody,
  UpdateOrganisationBody,
  OrganisationListQuery,
  Member,
  MemberRole,
  Invitation,
  VerificationDecisionBody,
} from './schemas/organisations';
export type { Notification } from './schemas/notifications';
export type {
  Room,
  RoomKind,
  RoomVisibility,
  RoomRole,
  RoomMember,
  RoomUnread,
  Message,
  MessagePage,
  ReadMarker,
  Mute,
  SyncAnswer,
  CreateRoomBody,
  UpdateRoomBody,
  SendMessageBody,
} from './schemas/rooms';
/** The message size limit as a type, so the web's copy of the number cannot drift from the server's. */
export type MessageMaxChars = typeof import('./schemas/rooms').MESSAGE_MAX_CHARS;
export type {
  Ack,
  AckError,
  ClientToServerEvents,
  ServerToClientEvents,
  PresenceUser,
  JoinRequest,
  SyncRequest,
  SendRequest,
} from './realtime/events';
import type { Static } from '@sinclair/typebox';
import type { InvitationCreated, InvitationPreview, TerritoryRef } from './schemas/organisations';
export type InvitationCreated = Static<typeof InvitationCreated>;
export type InvitationPreview = Static<typeof InvitationPreview>;
export type Territory = Static<typeof TerritoryRef>;
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}
export type {
  PlanSummary,
  PlanDetail,
  PlanItem,
  PlanListQuery,
  CreatePlanBody,
  UpdatePlanBody,
  CreateItemBody,
  UpdateItemBody,
  ImportResult,
} from './schemas/plans';
export type {
  IdeaSummary,
  IdeaDetail,
  IdeaListQuery,
  CreateIdeaBody,
  UpdateIdeaBody,
  Link as MeasureLink,
} from './schemas/ideas';
import type { Currency as CurrencySchema, ContentLanguage as ContentLanguageSchema, PlanStatus as PlanStatusSchema } from './schemas/plans';
import type { IdeaStatus as IdeaStatusSchema, PartnerSought as PartnerSoughtSchema, Theme as ThemeSchema } from './schemas/ideas';
export type Currency = Static<typeof CurrencySchema>;
export type ContentLanguage = Static<typeof ContentLanguageSchema>;
export type PlanStatus = Static<typeof PlanStatusSchema>;
export type IdeaStatus = Static<typeof IdeaStatusSchema>;
export type PartnerSought = Static<typeof PartnerSoughtSchema>;
export type Theme = Static<typeof ThemeSchema>;
export type NotificationPage = PageOf<import('./schemas/notifications').Notification> & { unread: number };
export type {
  SearchQuery,
  SearchResult,
  IdeaMatchesQuery,
  IdeaMatches,
  IdeaMatch,
  IdeasForMeasureQuery,
  IdeasForPlan,
  PlanCoverage,
} from './schemas/search';
export type { Segment as HighlightSegment } from './schemas/search';
export type {
  ProposalStatus,
  PartnerRole as ProposalPartnerRole,
  PartnerState as ProposalPartnerState,
  BudgetCategory,
  Indicator as ProposalIndicator,
  Level as ProposalLevel,
  OutputLevel as ProposalOutput,
  Activity as ProposalActivity,
  BudgetLine as ProposalBudgetLine,
  ProposalSummaryFields,
  ProposalContent,
  CompletenessCheck,
  ProposalEditor,
  ProposalOrgRef,
  ProposalCall,
  ProposalPartner,
  ProposalMeasure,
  ProposalReader,
  ProposalSummary,
  ProposalDetail,
  ProposalListQuery,
  UpdateProposalBody,
  InvitePartnerBody,
  AddReaderBody,
  ProposalVersion,
  ProposalVersionDetail,
  CreateVersionBody,
  DiffChange,
  DiffSection,
  ProposalDiff,
  ProposalComment,
  CreateCommentBody,
} from './schemas/proposals';
export type CommentMaxChars = typeof import('./schemas/proposals').COMMENT_MAX_CHARS;
export type { ProposalOpenRequest, ProposalOpenAnswer, ProposalUpdateRequest, ProposalCursorRequest } from './realtime/events';
export type {
  ShortlistStatus,
  ShortlistDecision,
  RoundSummary as ShortlistRound,
  RoundDetail as ShortlistRoundDetail,
  Criterion as ShortlistCriterion,
  Entry as ShortlistEntry,
  EntryReviews as ShortlistEntryReviews,
  Ranking as ShortlistRanking,
  RankingRow as ShortlistRankingRow,
  Suggestions as ShortlistSuggestions,
  Coverage as ShortlistCoverage,
  Report as ShortlistReport,
  CreateRoundBody as CreateShortlistRoundBody,
  UpdateRoundBody as UpdateShortlistRoundBody,
  ReviewBody as ShortlistReviewBody,
  DecisionBody as ShortlistDecisionBody,
} from './schemas/shortlists';
export type ShortlistCommentMaxChars = typeof import('./schemas/shortlists').COMMENT_MAX_CHARS;
export type {
  ForumCategory,
  ForumThread,
  ForumThreadPage,
  ForumPost,
  ForumPostPage,
  ForumSearchHit,
  AttachmentInfo,
  Reaction,
  CreateCategoryBody,
  UpdateCategoryBody,
  CreateThreadBody,
  CreatePostBody,
  UploadBody,
} from './schemas/forums';
export type {
  ReportBody,
  ReportResult,
  ReportTargetKind,
  QueueItem,
  Queue,
  ContentAction,
  ContentActionBody,
  ThreadAction,
  ThreadActionBody,
  UserAction,
  UserActionBody,
  ModerationLogEntry,
  ModerationLogPage,
  CategorySummary,
  Appeal,
  Suspension,
  ModerationMe,
} from './schemas/moderation';
export type {
  ForumSession,
  ForumSessionView,
  ForumSessionSummary,
  ForumSessionPage,
  SessionState as ForumSessionState,
  SessionChange as ForumSessionChange,
  SpeakerHand,
  CreateSessionBody as CreateForumSessionBody,
  UpdateSessionBody as UpdateForumSessionBody,
} from './schemas/forum-sessions';
export type { NewsItem, NewsPost, NewsPage, NewsStatus, NewsListQuery, CreateNewsBody, UpdateNewsBody } from './schemas/news';
/** News size limits as types, so the web's copies of the numbers cannot drift from the server's. */
export type NewsLimits = { title: typeof import('./schemas/news').NEWS_TITLE_MAX; summary: typeof import('./schemas/news').NEWS_SUMMARY_MAX; body: typeof import('./schemas/news').NEWS_BODY_MAX };
export type {
  EventKind,
  EventStatus,
  EventSummary,
  EventDetail,
  EventPage,
  EventOrganiser,
  AgendaItem as EventAgendaItem,
  MyRegistration as EventMyRegistration,
  Registrant as EventRegistrant,
  Registrants as EventRegistrants,
  CreateEventBody,
  UpdateEventBody,
  EventListQuery,
} from './schemas/events';
