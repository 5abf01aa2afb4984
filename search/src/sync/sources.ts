import type { EventSourceRow, ForumPostSourceRow, IdeaSourceRow, MeasureSourceRow, NewsSourceRow, OrganisationSourceRow } from '@partnera/db';
import type { EventSource, IdeaSource, MeasureSource, NewsSource, OrganisationSource, PostSource } from '../indexes/documents';

/** Database rows (from @partnera/db's search source repository) → the documents' inputs. */

export function toMeasureSource(r: MeasureSourceRow): MeasureSource {
  // A regional council's territory is the region itself; a municipality's parent is its region.
  const isMunicipality = r.territory_level === 'municipality';
  return {
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    code: r.code,
    title: r.title,
    description: r.description,
    priorityTitle: r.priority_title ?? '',
    objectiveTitle: r.objective_title ?? '',
    language: r.plan_language,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    municipality: r.territory_code,
    region: isMunicipality ? r.parent_code : r.territory_code,
    country: r.country,
    placeNames: [r.territory_name_local, r.territory_name_en, ...(isMunicipality ? [r.parent_name_local, r.parent_name_en] : [])].filter((n): n is string => !!n),
    periodStart: r.period_start,
    periodEnd: r.period_end,
  };
}

export function toIdeaSource(r: IdeaSourceRow): IdeaSource {
  const places = r.places ?? [];
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    problem: r.problem,
    overallObjective: r.overall_objective,
    specificObjectives: r.specific_objectives,
    targetGroups: r.target_groups,
    expectedResults: r.expected_results,
    mainActivities: r.main_activities,
    themes: r.themes,
    language: r.language,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    places: places.map((p) => p[0]),
    regions: [...new Set(places.map((p) => p[1] ?? p[0]))],
    countries: [...new Set(places.map((p) => p[2]))],
    placeNames: places.flatMap((p) => [p[3], p[4]]),
    publishedAt: r.published_at ? new Date(r.published_at).getTime() : null,
  };
}

export function toOrganisationSource(r: OrganisationSourceRow): OrganisationSource {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    kind: r.kind,
    country: r.country,
    territoryCode: r.territory_code,
    region: r.territory_level === 'municipality' ? r.parent_code : r.territory_code,
    verified: r.verification_status === 'verified',
    placeNames: [r.territory_name_local, r.territory_name_en].filter((n): n is string => !!n),
  };
}

export function toPostSource(r: ForumPostSourceRow): PostSource {
  return {
    id: r.id,
    body: r.body,
    threadId: r.thread_id,
    threadTitle: r.thread_title,
    categoryId: r.category_id,
    categorySlug: r.category_slug,
    createdAt: new Date(r.created_at).getTime(),
  };
}

export function toEventSource(r: EventSourceRow): EventSource {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    status: r.status,
    language: r.language,
    startsAt: new Date(r.starts_at).getTime(),
    endsAt: new Date(r.ends_at).getTime(),
    timeZone: r.time_zone,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    // Where it happens; an online event belongs to its organiser's country.
    country: r.municipality_country ?? r.organisation_country,
    municipality: r.municipality_code,
    region: r.municipality_parent ?? null,
    placeNames: [r.municipality_name_local, r.municipality_name_en, r.place_address].filter((n): n is string => !!n),
  };
}

export function toNewsSource(r: NewsSourceRow): NewsSource {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    body: r.body,
    language: r.language,
    publishedAt: r.published_at ? new Date(r.published_at).getTime() : null,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    country: r.organisation_country,
  };
}
