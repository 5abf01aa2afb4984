import { readFileSync } from 'node:fs';
import type { CountryCode, Currency, IdeaStatus, OrganisationKind, PartnerSought, PlanStatus, PlatformRole } from '../tables';
import type { Db } from '../repositories/db';
import { insertUser } from '../repositories/users';
import { insertOrganisation } from '../repositories/organisations';
import { upsertMembership } from '../repositories/memberships';
import { insertPlan, upsertPlanItems, type ImportRow } from '../repositories/plans';
import { insertIdea, replacePlaces } from '../repositories/ideas';
import { insertLink } from '../repositories/links';
import { seedDemoForums } from './demo-forums';
import { seedDemoForumSessions } from './demo-forum-sessions';
import { seedDemoShortlists } from './demo-shortlists';
import { seedDemoNews } from './demo-news';
import { seedDemoEvents } from './demo-events';

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
}

// Invented organisations, plans and ideas written for the demo (no real names or registry numbers).
interface DemoOrg {
  key: string;
  kind: OrganisationKind;
  name: string;
  country: CountryCode;
  territory: string;
  legalId: string | null;
  verified: boolean;
  description: string;
  website: string | null;
}

interface DemoPlan {
  organisation: string;
  title: string;
  description: string;
  language: string;
  periodStart: number;
  periodEnd: number;
  status: PlanStatus;
  items: Array<{ code: string; title: string; description: string; indicators?: string[]; budget?: string; currency?: string }>;
}

interface DemoIdea {
  organisation: string;
  language: string;
  status: IdeaStatus;
  title: string;
  summary: string;
  problem: string;
  overallObjective: string;
  specificObjectives: string[];
  targetGroups: string[];
  expectedResults: string[];
  mainActivities: string[];
  places: string[];
  budget: string | null;
  currency: Currency | null;
  durationMonths: number | null;
  partnersSought: PartnerSought[];
  themes: string[];
  links: Array<{ plan: string; measure: string; status: 'confirmed' | 'proposed' }>;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as T;

type Role = 'owner' | 'editor' | 'member';
const accounts: Array<{ email: string; name: string; role: PlatformRole | null; orgs: Array<[string, Role]> }> = [
  { email: 'admin@partnera.local', name: 'Platform Admin', role: 'admin', orgs: [] },
  { email: 'moderator@partnera.local', name: 'Forum Moderator', role: 'moderator', orgs: [] },
  { email: 'ngo@partnera.local', name: 'Mira Petrova', role: null, orgs: [['bg-ngo', 'owner'], ['bg-ngo2', 'editor'], ['bg-ngo3', 'owner'], ['en-ngo', 'owner']] },
  { email: 'municipality@partnera.local', name: 'Stefan Iliev', role: null, orgs: [['bg-mun', 'owner'], ['bg-mun2', 'owner'], ['bg-rc', 'editor']] },
  { email: 'council@partnera.local', name: 'Vesela Dimitrova', role: null, orgs: [['bg-rc', 'member']] },
  { email: 'albania@partnera.local', name: 'Elira Hoxha', role: null, orgs: [['al-ngo', 'owner'], ['al-ngo2', 'owner'], ['al-mun', 'owner'], ['al-mun2', 'owner']] },
  { email: 'azerbaijan@partnera.local', name: 'Leyla Məmmədova', role: null, orgs: [['az-ngo', 'owner'], ['az-ngo2', 'owner'], ['az-mun', 'owner']] },
];

export const DEMO_PASSWORD = 'partnera-demo-2026';

/**
 * Fills an empty database with demo organisations, accounts, plans and ideas; does nothing if any
 * user exists. Password hashing is passed in so this package stays free of crypto dependencies.
 */
export async function seedDemoData(db: Db, hashPassword: (password: string) => Promise<string>): Promise<DemoAccount[] | null> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const orgIds = new Map<string, string>();
    for (const o of read<DemoOrg[]>('demo-organisations.json')) {
      const row = await insertOrganisation(trx, {
        kind: o.kind,
        name: o.name,
        country: o.country,
        territory_code: o.territory,
        legal_id: o.legalId,
        description: o.description,
        website: o.website,
        verification_status: o.verified ? 'verified' : 'unverified',
        verification_reason: null,
        verification_decided_by: null,
        verification_decided_at: o.verified ? new Date() : null,
      });
      orgIds.set(o.key, row.id);
    }
    // The first owner or editor of each organisation writes its ideas and decides its links.
    const authors = new Map<string, string>();
    const userIds = new Map<string, string>();
    for (const a of accounts) {
      const user = await insertUser(trx, { email: a.email, display_name: a.name, password_hash: passwordHash, platform_role: a.role, locale: 'en' });
      userIds.set(a.email, user.id);
      for (const [key, role] of a.orgs) {
        await upsertMembership(trx, orgIds.get(key)!, user.id, role);
        if (role !== 'member' && !authors.has(key)) authors.set(key, user.id);
      }
    }

    // measure ids by "<plan organisation key>/<code>"
    const measures = new Map<string, string>();
    for (const p of read<DemoPlan[]>('demo-plans.json')) {
      const plan = await insertPlan(trx, {
        organisation_id: orgIds.get(p.organisation)!,
        title: p.title,
        description: p.description,
        language: p.language,
        period_start: p.periodStart,
        period_end: p.periodEnd,
        status: p.status,
        published_at: p.status === 'published' ? new Date() : null,
      });
      const rows: ImportRow[] = p.items.map((item, position) => {
        const segments = item.code.split('.');
        return {
          code: item.code,
          level: (['priority', 'objective', 'measure'] as const)[segments.length - 1]!,
          parentCode: segments.length > 1 ? segments.slice(0, -1).join('.') : null,
          title: item.title,
          description: item.description,
          indicators: item.indicators ?? [],
          budget: item.budget ?? null,
          currency: item.currency ?? null,
          position,
        };
      });
      const ids = new Map<string, string>();
      for (const level of ['priority', 'objective', 'measure'] as const) {
        const result = await upsertPlanItems(trx, plan.id, rows.filter((r) => r.level === level), ids);
        for (const [code, id] of result.ids) ids.set(code, id);
      }
      for (const [code, id] of ids) measures.set(`${p.organisation}/${code}`, id);
    }

    const ideas = read<DemoIdea[]>('demo-ideas.json');
    const ideaIds: string[] = [];
    for (const [index, i] of ideas.entries()) {
      const author = authors.get(i.organisation)!;
      const idea = await insertIdea(trx, {
        organisation_id: orgIds.get(i.organisation)!,
        created_by: author,
        title: i.title,
        summary: i.summary,
        problem: i.problem,
        overall_objective: i.overallObjective,
        specific_objectives: i.specificObjectives,
        target_groups: i.targetGroups,
        expected_results: i.expectedResults,
        main_activities: i.mainActivities,
        budget_amount: i.budget,
        currency: i.currency,
        duration_months: i.durationMonths,
        partners_sought: JSON.stringify(i.partnersSought),
        themes: i.themes,
        language: i.language,
        status: i.status,
        published_at: i.status === 'published' ? new Date(Date.now() - (ideas.length - index) * 3_600_000) : null,
      });
      ideaIds.push(idea.id);
      await replacePlaces(trx, idea.id, i.places);
      // Only published ideas can be linked, as the API enforces.
      for (const link of i.status === 'published' ? i.links : []) {
        await insertLink(trx, {
          idea_id: idea.id,
          measure_id: measures.get(`${link.plan}/${link.measure}`)!,
          status: link.status,
          proposed_by_side: 'idea',
          proposed_by: author,
          note: '',
          decided_by: link.status === 'confirmed' ? authors.get(link.plan)! : null,
          decided_at: link.status === 'confirmed' ? new Date() : null,
        });
      }
    }
    await seedDemoForums(trx, userIds);
    await seedDemoForumSessions(trx, userIds);
    const stefan = userIds.get('municipality@partnera.local')!;
    await seedDemoShortlists(trx, { councilId: orgIds.get('bg-rc')!, editorId: stefan, reviewerIds: [stefan, userIds.get('council@partnera.local')!], ideaIds });
    await seedDemoNews(trx, { orgIds, userIds });
    await seedDemoEvents(trx, { orgIds, userIds });
  });
  return accounts.map((a) => ({ email: a.email, password: DEMO_PASSWORD, role: a.role ?? a.orgs.map(([k, r]) => `${r} of ${k}`).join(', ') }));
}
