import type { Block, ExportDocument } from '../export';
import type * as S from '../schemas/shortlists';

type Lang = 'en' | 'bg' | 'sq' | 'az';

const LABELS: Record<Lang, Record<string, string>> = {
  en: {
    subtitle: 'Shortlist report',
    council: 'Council',
    region: 'Region',
    status: 'Status',
    call: 'Call for ideas',
    scale: 'Scale',
    plans: 'Linked plans',
    criteria: 'Criteria',
    weight: 'Weight',
    ranking: 'Ranking',
    rank: 'Rank',
    idea: 'Idea',
    organisation: 'Organisation',
    total: 'Total (0–100)',
    decision: 'Decision',
    reason: 'Reason',
    reviews: 'Reviews',
    totalsChart: 'Total score per entry',
    coverage: 'Coverage of plan priorities',
    coverageChart: 'Entries per plan priority',
    coverageNote: 'Counted from confirmed idea–measure links and strong matches of the matcher.',
    noCoverage: 'No plans are linked to this round.',
    shortlisted: 'shortlisted',
    rejected: 'rejected',
    deferred: 'deferred',
    undecided: 'not decided',
    unranked: 'unranked',
    tie: 'tie — unresolved',
    summary: 'Summary',
    entries: 'Entries',
  },
  bg: {
    subtitle: 'Доклад за краткия списък',
    council: 'Съвет',
    region: 'Област',
    status: 'Статус',
    call: 'Покана за идеи',
    scale: 'Скала',
    plans: 'Свързани планове',
    criteria: 'Критерии',
    weight: 'Тежест',
    ranking: 'Класиране',
    rank: 'Място',
    idea: 'Идея',
    organisation: 'Организация',
    total: 'Общо (0–100)',
    decision: 'Решение',
    reason: 'Мотив',
    reviews: 'Оценки',
    totalsChart: 'Обща оценка по предложение',
    coverage: 'Покритие на приоритетите на плановете',
    coverageChart: 'Предложения по приоритет',
    coverageNote: 'Преброени по потвърдени връзки идея–мярка и силни съвпадения.',
    noCoverage: 'Към този кръг няма свързани планове.',
    shortlisted: 'одобрено',
    rejected: 'отхвърлено',
    deferred: 'отложено',
    undecided: 'без решение',
    unranked: 'некласирано',
    tie: 'равенство — нерешено',
    summary: 'Обобщение',
    entries: 'Предложения',
  },
  sq: {
    subtitle: 'Raporti i listës së shkurtër',
    council: 'Këshilli',
    region: 'Rajoni',
    status: 'Statusi',
    call: 'Thirrja për ide',
    scale: 'Shkalla',
    plans: 'Planet e lidhura',
    criteria: 'Kriteret',
    weight: 'Pesha',
    ranking: 'Renditja',
    rank: 'Vendi',
    idea: 'Ideja',
    organisation: 'Organizata',
    total: 'Totali (0–100)',
    decision: 'Vendimi',
    reason: 'Arsyeja',
    reviews: 'Vlerësime',
    totalsChart: 'Pikët totale për çdo hyrje',
    coverage: 'Mbulimi i prioriteteve të planeve',
    coverageChart: 'Hyrje për çdo prioritet',
    coverageNote: 'Numëruar nga lidhjet e konfirmuara ide–masë dhe përputhjet e forta.',
    noCoverage: 'Asnjë plan nuk është lidhur me këtë raund.',
    shortlisted: 'në listë',
    rejected: 'refuzuar',
    deferred: 'shtyrë',
    undecided: 'pa vendim',
    unranked: 'pa renditje',
    tie: 'barazim — i pazgjidhur',
    summary: 'Përmbledhje',
    entries: 'Hyrje',
  },
  az: {
    subtitle: 'Qısa siyahı hesabatı',
    council: 'Şura',
    region: 'Region',
    status: 'Status',
    call: 'İdeyalar üçün çağırış',
    scale: 'Şkala',
    plans: 'Əlaqəli planlar',
    criteria: 'Meyarlar',
    weight: 'Çəki',
    ranking: 'Reytinq',
    rank: 'Yer',
    idea: 'İdeya',
    organisation: 'Təşkilat',
    total: 'Cəmi (0–100)',
    decision: 'Qərar',
    reason: 'Səbəb',
    reviews: 'Qiymətləndirmələr',
    totalsChart: 'Hər təklif üzrə ümumi bal',
    coverage: 'Plan prioritetlərinin əhatəsi',
    coverageChart: 'Hər prioritet üzrə təkliflər',
    coverageNote: 'Təsdiqlənmiş ideya–tədbir əlaqələri və güclü uyğunluqlar üzrə sayılıb.',
    noCoverage: 'Bu raunda heç bir plan bağlanmayıb.',
    shortlisted: 'qısa siyahıda',
    rejected: 'rədd edildi',
    deferred: 'təxirə salındı',
    undecided: 'qərar yoxdur',
    unranked: 'reytinqsiz',
    tie: 'bərabərlik — həll olunmayıb',
    summary: 'Xülasə',
    entries: 'Təkliflər',
  },
};

const fmt = (n: number | null, digits = 2) => (n === null ? '' : n.toFixed(digits));

export function labelsFor(lang: string) {
  return LABELS[(lang in LABELS ? lang : 'en') as Lang];
}

function rankText(row: S.RankingRow, t: Record<string, string>) {
  if (row.rank === null) return t.unranked!;
  return row.tie === 'unresolved' ? `${row.rank} (${t.tie})` : String(row.rank);
}

/** The report as a document: summary, criteria, ranked table, and the two charts. */
export function reportDocument(report: S.Report, lang: string, regionName: string | null, generatedAt: Date): ExportDocument {
  const t = labelsFor(lang);
  const r = report.round;
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        [t.council!, r.organisation.name],
        ...(regionName ? [[t.region!, regionName] as [string, string]] : []),
        [t.status!, r.status],
        ...(r.callStart || r.callEnd ? [[t.call!, `${r.callStart ?? '…'} – ${r.callEnd ?? '…'}`] as [string, string]] : []),
        [t.scale!, `0–${r.scale}`],
        [t.entries!, String(report.counts.entries)],
        [t.shortlisted!, String(report.counts.shortlisted)],
        ...(report.plans.length ? [[t.plans!, report.plans.map((p) => p.title).join('; ')] as [string, string]] : []),
      ],
    },
  ];
  if (report.description) blocks.push({ kind: 'paragraph', text: report.description });
  blocks.push({ kind: 'heading', level: 2, text: t.criteria! });
  blocks.push({ kind: 'table', columns: [t.criteria!, t.weight!], rows: report.criteria.map((c) => [c.name, `${c.weight}%`]), align: ['left', 'right'] });
  blocks.push({ kind: 'heading', level: 2, text: t.ranking! });
  blocks.push({
    kind: 'table',
    columns: [t.rank!, t.idea!, ...report.criteria.map((c) => c.name), t.total!, t.decision!, t.reason!],
    rows: report.rows.map((row) => [
      rankText(row, t),
      `${row.idea.title} (${row.idea.organisation.name})`,
      ...row.means.map((m) => fmt(m)),
      fmt(row.total),
      row.decision ? t[row.decision]! : t.undecided!,
      row.decisionReason,
    ]),
    align: ['left', 'left', ...report.criteria.map(() => 'right' as const), 'right', 'left', 'left'],
  });
  const ranked = report.rows.filter((row) => row.total !== null);
  if (ranked.length) blocks.push({ kind: 'barChart', title: t.totalsChart!, bars: ranked.map((row) => ({ label: row.idea.title, value: row.total! })), max: 100 });
  blocks.push({ kind: 'heading', level: 2, text: t.coverage! });
  if (report.coverage.items.length) {
    blocks.push({ kind: 'paragraph', text: t.coverageNote! });
    blocks.push({
      kind: 'barChart',
      title: t.coverageChart!,
      bars: report.coverage.items.map((c) => ({ label: `${c.priority.code}. ${c.priority.title}`, value: c.entries })),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: t.noCoverage! });
  }
  return { title: r.title, subtitle: `${t.subtitle} — ${r.organisation.name}`, language: lang, blocks, generatedAt };
}

/** One row per entry: rank, idea, organisation, mean per criterion, total, decision, reason. */
export function reportCsv(report: S.Report, lang: string): { columns: string[]; rows: Array<Array<string | number | null>> } {
  const t = labelsFor(lang);
  return {
    columns: [t.rank!, t.idea!, t.organisation!, ...report.criteria.map((c) => `${c.name} (${c.weight}%)`), t.total!, t.reviews!, t.decision!, t.reason!],
    rows: report.rows.map((row) => [
      row.rank === null ? '' : row.tie === 'unresolved' ? `${row.rank} (${t.tie})` : row.rank,
      row.idea.title,
      row.idea.organisation.name,
      ...row.means.map((m) => (m === null ? null : Number(m.toFixed(2)))),
      row.total,
      row.reviewCount,
      row.decision ? t[row.decision]! : '',
      row.decisionReason,
    ]),
  };
}
