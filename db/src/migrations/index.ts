import type { Migration } from 'kysely';
import * as foundation from './001-foundation';
import * as territories from './002-territories';
import * as plansIdeas from './003-plans-ideas';
import * as rooms from './004-rooms';
import * as searchOutbox from './005-search-outbox';
import * as shortlists from './006-shortlists';
import * as proposals from './007-proposals';
import * as forumsModeration from './008-forums-moderation';
import * as forumSessions from './009-forum-sessions';
import * as events from './010-events';
import * as news from './011-news';
import * as ideaTextFilter from './012-idea-text-filter';
import * as searchEventsNews from './013-search-events-news';
import * as forumSessionReminders from './014-forum-session-reminders';
import * as eventReminders from './015-event-reminders';

/** Every migration, in order; names sort lexically, which Kysely relies on. */
export const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-territories': territories,
  '003-plans-ideas': plansIdeas,
  '004-rooms': rooms,
  '005-search-outbox': searchOutbox,
  '006-shortlists': shortlists,
  '007-proposals': proposals,
  '008-forums-moderation': forumsModeration,
  '009-forum-sessions': forumSessions,
  '010-events': events,
  '011-news': news,
  '012-idea-text-filter': ideaTextFilter,
  '013-search-events-news': searchEventsNews,
  '014-forum-session-reminders': forumSessionReminders,
  '015-event-reminders': eventReminders,
};
