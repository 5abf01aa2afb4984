import type { Db } from '../repositories/db';
import { insertNews } from '../repositories/news';

// Invented news written for the demo, in the organisations' own languages.
const posts: Array<{
  organisation: string | null;
  author: string;
  language: string;
  title: string;
  summary: string;
  body: string;
  hoursAgo: number;
  pinned?: boolean;
  linkIdea?: boolean;
  draft?: boolean;
}> = [
  {
    organisation: null,
    author: 'admin@partnera.local',
    language: 'en',
    title: 'Welcome to Partnera news',
    summary: 'Organisations can now publish news on their page and on the front page.',
    body: 'Owners and editors of an organisation can now write **news**: what you started, what you finished, whom you are looking for.\n\n- Posts start as drafts, visible only inside your organisation.\n- Published posts appear on your organisation page and in the feed on the front page.\n- Every feed is also available as an Atom feed for your reader.',
    hoursAgo: 30,
    pinned: true,
  },
  {
    organisation: 'bg-ngo',
    author: 'ngo@partnera.local',
    language: 'en',
    title: 'Youth mentors trained in three mountain villages',
    summary: 'Twelve volunteers finished the mentoring course and start working with teenagers this month.',
    body: 'Over four weekends, twelve volunteers learned how to run *after-school clubs* and how to support teenagers who think about leaving the region.\n\nWe are looking for a municipality partner for the next round — write to us in the idea room.',
    hoursAgo: 20,
    linkIdea: true,
  },
  {
    organisation: 'bg-mun2',
    author: 'municipality@partnera.local',
    language: 'bg',
    title: 'Общината прие план за обновяване на читалищата',
    summary: 'Общинският съвет одобри мерките за ремонт и дигитализация на пет читалища до 2027 г.',
    body: 'На последната си сесия общинският съвет прие **програма за обновяване на читалищата**. Първите два обекта ще бъдат ремонтирани догодина.\n\nКаним неправителствени организации с опит в културното наследство да се включат като партньори.',
    hoursAgo: 12,
  },
  {
    organisation: 'al-ngo',
    author: 'albania@partnera.local',
    language: 'sq',
    title: 'Pastrimi i bregut të liqenit mblodhi 80 vullnetarë',
    summary: 'Të shtunën, banorë dhe nxënës pastruan dy kilometra breg liqeni.',
    body: 'Falë bashkisë dhe shkollave lokale, **80 vullnetarë** mblodhën mbi një ton mbetje plastike.\n\nAktiviteti i radhës do të jetë në pranverë; kërkojmë partnerë për të vendosur kosha riciklimi përgjatë shëtitores.',
    hoursAgo: 6,
  },
  {
    organisation: 'az-ngo',
    author: 'azerbaijan@partnera.local',
    language: 'az',
    title: 'Kənd məktəblərində ekoloji dərnəklər açılır',
    summary: 'Yeni tədris ilindən beş kənd məktəbində şagirdlər üçün ekoloji dərnəklər fəaliyyətə başlayır.',
    body: 'Dərnəklərdə şagirdlər su keyfiyyətini ölçməyi, ağac əkməyi və tullantıları çeşidləməyi öyrənəcəklər.\n\nLayihəni genişləndirmək üçün bələdiyyələrlə **tərəfdaşlıq** axtarırıq.',
    hoursAgo: 2,
  },
  {
    organisation: 'bg-ngo',
    author: 'ngo@partnera.local',
    language: 'en',
    title: 'Summer camp dates (draft)',
    summary: 'Not final yet.',
    body: 'Dates to be confirmed with the partner school.',
    hoursAgo: 1,
    draft: true,
  },
];

/** Adds demo news posts (authors by e-mail, organisations by demo key; missing ones are skipped). */
export async function seedDemoNews(db: Db, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<void> {
  const now = Date.now();
  for (const p of posts) {
    const authorId = ids.userIds.get(p.author);
    const organisationId = p.organisation ? ids.orgIds.get(p.organisation) : null;
    if (!authorId || organisationId === undefined) continue;
    const idea = p.linkIdea && organisationId
      ? await db.selectFrom('ideas').select('id').where('organisation_id', '=', organisationId).where('status', '=', 'published').orderBy('published_at', 'desc').executeTakeFirst()
      : undefined;
    const post = await insertNews(db, {
      organisationId,
      authorId,
      title: p.title,
      summary: p.summary,
      body: p.body,
      language: p.language,
      ideaId: idea?.id ?? null,
      planId: null,
      status: p.draft ? 'draft' : 'published',
      publishedAt: p.draft ? null : new Date(now - p.hoursAgo * 3_600_000),
    });
    if (p.pinned) await db.updateTable('news_posts').set({ pinned: true }).where('id', '=', post.id).execute();
  }
}
