import type { Db } from '../repositories/db';
import { addCategoryModerator, insertCategory, insertPost, insertThread, subscribe } from '../repositories/forums';
import { enqueueSearchSync } from '../repositories/search-outbox';

// Invented forum rubrics and conversations written for the demo.
const categories = [
  {
    slug: 'funding-calls',
    title: 'Funding calls and deadlines',
    description: 'Open calls, eligibility questions and reminders before submission deadlines.',
    scopeTerritory: null,
    moderator: 'ngo@partnera.local',
    threads: [
      {
        title: 'Cross-border programme: who is looking for a partner this spring?',
        posts: [
          ['ngo@partnera.local', 'We are preparing a proposal on **youth employment** and look for a municipality on the other side of the border. Anyone planning to apply in the spring round?'],
          ['albania@partnera.local', 'Our municipality has a measure on vocational training in its 2021–2027 plan. Happy to talk — I will post the measure link in the idea room.'],
          ['municipality@partnera.local', 'Remember that the partnership declaration must be signed by the mayor, not a deputy. It took us three weeks last time.'],
        ],
      },
    ],
  },
  {
    slug: 'water-environment',
    title: 'Water and environment',
    description: 'River clean-ups, flood protection, waste water and everything green.',
    scopeTerritory: null,
    moderator: null,
    threads: [
      {
        title: 'Volunteer river clean-ups: how do you handle insurance?',
        posts: [
          ['azerbaijan@partnera.local', 'We run clean-ups twice a year with about 60 volunteers. Does anyone have a simple group insurance that covers one-day events?'],
          ['ngo@partnera.local', 'We add the volunteers to the municipality’s event insurance — cheaper than buying it ourselves. Ask your local partner first.'],
        ],
      },
      {
        title: 'Sharing monitoring data from small rivers',
        posts: [['municipality@partnera.local', 'We measure water quality monthly at four points. If another NGO collects similar data we could publish it together in one open table.']],
      },
    ],
  },
  {
    slug: 'local-action-groups-bg',
    title: 'Local action groups in Bulgaria',
    description: 'Questions and experience of local action groups and their municipalities.',
    scopeTerritory: 'BG',
    moderator: null,
    threads: [
      {
        title: 'Welcome: introduce your local action group',
        posts: [['moderator@partnera.local', 'Tell the others which municipalities your group covers and which measures of its strategy are still open for projects.']],
      },
    ],
  },
] as const;

/** Adds demo forum categories, threads and posts (authors by e-mail; missing accounts are skipped). */
export async function seedDemoForums(db: Db, userIds: Map<string, string>): Promise<void> {
  for (const [position, c] of categories.entries()) {
    const category = await insertCategory(db, { slug: c.slug, title: c.title, description: c.description, scopeTerritory: c.scopeTerritory, scopeOrganisationId: null, position });
    const moderatorId = c.moderator ? userIds.get(c.moderator) : undefined;
    if (moderatorId) await addCategoryModerator(db, category.id, moderatorId);
    for (const t of c.threads) {
      const authorId = userIds.get(t.posts[0][0]);
      if (!authorId) continue;
      const thread = await insertThread(db, { categoryId: category.id, title: t.title, authorId });
      for (const [email, body] of t.posts) {
        const userId = userIds.get(email);
        if (!userId) continue;
        const post = await insertPost(db, { threadId: thread.id, authorId: userId, body, quoteOf: null, replyTo: null, mentions: [] });
        await subscribe(db, thread.id, userId);
        await enqueueSearchSync(db, 'forum_post', post.id);
      }
    }
  }
}
