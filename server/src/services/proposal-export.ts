/**
 * The submission document of a proposal (summary table, logframe matrix, activity plan, budget tables) in
 * the proposal's language, and the section-by-section text used to compare versions.
 */
import { budgetTotals, formatCents } from '../domain/proposal-checks';
import type { Block, ExportDocument } from '../export';
import type { BudgetCategory, ProposalContent, ProposalStatus } from '../schemas/proposals';

type LabelKey =
  | 'subtitle'
  | 'summary'
  | 'lead'
  | 'partners'
  | 'call'
  | 'programme'
  | 'deadline'
  | 'place'
  | 'totalValue'
  | 'duration'
  | 'months'
  | 'period'
  | 'targetGroups'
  | 'description'
  | 'status'
  | 'measures'
  | 'logframe'
  | 'level'
  | 'text'
  | 'indicators'
  | 'baseline'
  | 'target'
  | 'verification'
  | 'assumptions'
  | 'overall'
  | 'objective'
  | 'output'
  | 'activities'
  | 'activity'
  | 'responsible'
  | 'start'
  | 'end'
  | 'budget'
  | 'category'
  | 'amount'
  | 'cofinancing'
  | 'total'
  | 'partner'
  | 'byPartner'
  | 'byCategory'
  | 'none'
  | 'role.lead'
  | 'role.partner'
  | 'role.associate'
  | `status.${ProposalStatus}`
  | `category.${BudgetCategory}`;

const en: Record<LabelKey, string> = {
  subtitle: 'Joint project proposal',
  summary: 'Project summary',
  lead: 'Lead organisation',
  partners: 'Partners',
  call: 'Call for proposals',
  programme: 'Funding programme',
  deadline: 'Deadline',
  place: 'Place of implementation',
  totalValue: 'Total value',
  duration: 'Duration',
  months: 'months',
  period: 'Period',
  targetGroups: 'Target groups',
  description: 'Description',
  status: 'Status',
  measures: 'Development plan measures served',
  logframe: 'Logical framework',
  level: 'Level',
  text: 'Intervention logic',
  indicators: 'Indicators',
  baseline: 'Baseline',
  target: 'Target',
  verification: 'Means of verification',
  assumptions: 'Assumptions and risks',
  overall: 'Overall objective',
  objective: 'Specific objective',
  output: 'Expected result',
  activities: 'Activity plan',
  activity: 'Activity',
  responsible: 'Responsible partner',
  start: 'Start month',
  end: 'End month',
  budget: 'Budget',
  category: 'Category',
  amount: 'Amount',
  cofinancing: 'Co-financing',
  total: 'Total',
  partner: 'Partner',
  byPartner: 'Budget per partner',
  byCategory: 'Budget per category',
  none: '—',
  'role.lead': 'lead',
  'role.partner': 'partner',
  'role.associate': 'associate',
  'status.drafting': 'drafting',
  'status.ready': 'ready',
  'status.submitted': 'submitted',
  'status.withdrawn': 'withdrawn',
  'category.staff': 'Staff',
  'category.travel': 'Travel',
  'category.equipment': 'Equipment',
  'category.services': 'Services',
  'category.works': 'Works',
  'category.other': 'Other',
};

const bg: Record<LabelKey, string> = {
  subtitle: 'Съвместно проектно предложение',
  summary: 'Обобщение на проекта',
  lead: 'Водеща организация',
  partners: 'Партньори',
  call: 'Покана за предложения',
  programme: 'Финансираща програма',
  deadline: 'Краен срок',
  place: 'Място на изпълнение',
  totalValue: 'Обща стойност',
  duration: 'Продължителност',
  months: 'месеца',
  period: 'Период',
  targetGroups: 'Целеви групи',
  description: 'Описание',
  status: 'Статус',
  measures: 'Мерки от плана за развитие, на които отговаря',
  logframe: 'Логическа рамка',
  level: 'Ниво',
  text: 'Логика на интервенцията',
  indicators: 'Индикатори',
  baseline: 'Изходна стойност',
  target: 'Целева стойност',
  verification: 'Източници на проверка',
  assumptions: 'Допускания и рискове',
  overall: 'Обща цел',
  objective: 'Специфична цел',
  output: 'Очакван резултат',
  activities: 'План на дейностите',
  activity: 'Дейност',
  responsible: 'Отговорен партньор',
  start: 'Начален месец',
  end: 'Краен месец',
  budget: 'Бюджет',
  category: 'Категория',
  amount: 'Сума',
  cofinancing: 'Съфинансиране',
  total: 'Общо',
  partner: 'Партньор',
  byPartner: 'Бюджет по партньори',
  byCategory: 'Бюджет по категории',
  none: '—',
  'role.lead': 'водещ',
  'role.partner': 'партньор',
  'role.associate': 'асоцииран',
  'status.drafting': 'в разработка',
  'status.ready': 'готово',
  'status.submitted': 'подадено',
  'status.withdrawn': 'оттеглено',
  'category.staff': 'Персонал',
  'category.travel': 'Пътувания',
  'category.equipment': 'Оборудване',
  'category.services': 'Услуги',
  'category.works': 'Строителни работи',
  'category.other': 'Други',
};

const sq: Record<LabelKey, string> = {
  subtitle: 'Propozim i përbashkët projekti',
  summary: 'Përmbledhje e projektit',
  lead: 'Organizata drejtuese',
  partners: 'Partnerët',
  call: 'Thirrja për propozime',
  programme: 'Programi i financimit',
  deadline: 'Afati',
  place: 'Vendi i zbatimit',
  totalValue: 'Vlera totale',
  duration: 'Kohëzgjatja',
  months: 'muaj',
  period: 'Periudha',
  targetGroups: 'Grupet e synuara',
  description: 'Përshkrimi',
  status: 'Statusi',
  measures: 'Masat e planit të zhvillimit që mbështet',
  logframe: 'Korniza logjike',
  level: 'Niveli',
  text: 'Logjika e ndërhyrjes',
  indicators: 'Treguesit',
  baseline: 'Vlera bazë',
  target: 'Objektivi',
  verification: 'Mjetet e verifikimit',
  assumptions: 'Supozimet dhe rreziqet',
  overall: 'Objektivi i përgjithshëm',
  objective: 'Objektivi specifik',
  output: 'Rezultati i pritshëm',
  activities: 'Plani i aktiviteteve',
  activity: 'Aktiviteti',
  responsible: 'Partneri përgjegjës',
  start: 'Muaji i fillimit',
  end: 'Muaji i përfundimit',
  budget: 'Buxheti',
  category: 'Kategoria',
  amount: 'Shuma',
  cofinancing: 'Bashkëfinancimi',
  total: 'Totali',
  partner: 'Partneri',
  byPartner: 'Buxheti sipas partnerëve',
  byCategory: 'Buxheti sipas kategorive',
  none: '—',
  'role.lead': 'drejtues',
  'role.partner': 'partner',
  'role.associate': 'i asociuar',
  'status.drafting': 'në hartim',
  'status.ready': 'gati',
  'status.submitted': 'i dorëzuar',
  'status.withdrawn': 'i tërhequr',
  'category.staff': 'Personeli',
  'category.travel': 'Udhëtimet',
  'category.equipment': 'Pajisjet',
  'category.services': 'Shërbimet',
  'category.works': 'Punimet',
  'category.other': 'Të tjera',
};

const az: Record<LabelKey, string> = {
  subtitle: 'Birgə layihə təklifi',
  summary: 'Layihənin xülasəsi',
  lead: 'Aparıcı təşkilat',
  partners: 'Tərəfdaşlar',
  call: 'Təkliflər müsabiqəsi',
  programme: 'Maliyyələşdirmə proqramı',
  deadline: 'Son tarix',
  place: 'İcra yeri',
  totalValue: 'Ümumi dəyər',
  duration: 'Müddət',
  months: 'ay',
  period: 'Dövr',
  targetGroups: 'Hədəf qrupları',
  description: 'Təsvir',
  status: 'Status',
  measures: 'Xidmət etdiyi inkişaf planı tədbirləri',
  logframe: 'Məntiqi çərçivə',
  level: 'Səviyyə',
  text: 'Müdaxilənin məntiqi',
  indicators: 'Göstəricilər',
  baseline: 'İlkin vəziyyət',
  target: 'Hədəf',
  verification: 'Yoxlama vasitələri',
  assumptions: 'Fərziyyələr və risklər',
  overall: 'Ümumi məqsəd',
  objective: 'Xüsusi məqsəd',
  output: 'Gözlənilən nəticə',
  activities: 'Fəaliyyət planı',
  activity: 'Fəaliyyət',
  responsible: 'Məsul tərəfdaş',
  start: 'Başlanğıc ayı',
  end: 'Bitmə ayı',
  budget: 'Büdcə',
  category: 'Kateqoriya',
  amount: 'Məbləğ',
  cofinancing: 'Birgə maliyyələşdirmə',
  total: 'Cəmi',
  partner: 'Tərəfdaş',
  byPartner: 'Tərəfdaşlar üzrə büdcə',
  byCategory: 'Kateqoriyalar üzrə büdcə',
  none: '—',
  'role.lead': 'aparıcı',
  'role.partner': 'tərəfdaş',
  'role.associate': 'assosiativ',
  'status.drafting': 'hazırlanır',
  'status.ready': 'hazırdır',
  'status.submitted': 'təqdim edilib',
  'status.withdrawn': 'geri çəkilib',
  'category.staff': 'Heyət',
  'category.travel': 'Səfərlər',
  'category.equipment': 'Avadanlıq',
  'category.services': 'Xidmətlər',
  'category.works': 'İşlər',
  'category.other': 'Digər',
};

const dictionaries: Record<string, Record<LabelKey, string>> = { en, bg, sq, az };

/** Export labels in a language (English for any other). */
export function exportLabels(language: string): Record<LabelKey, string> {
  return dictionaries[language] ?? en;
}

export interface ProposalExportInput {
  title: string;
  language: string;
  status: ProposalStatus;
  call: { title: string; programme: string; deadline: string | null };
  /** Lead first, then accepted partners. */
  partners: Array<{ id: string; name: string; role: 'lead' | 'partner' | 'associate' }>;
  measures: Array<{ code: string; title: string; planTitle: string }>;
  content: ProposalContent;
  generatedAt?: Date;
}

const or = (text: string, none: string) => (text.trim() ? text.trim() : none);
const money = (cents: number) => formatCents(cents);

export function buildProposalDocument(input: ProposalExportInput): ExportDocument {
  const L = exportLabels(input.language);
  const { content } = input;
  const nameOf = new Map(input.partners.map((p) => [p.id, p.name]));
  const partnerName = (id: string | null) => (id ? (nameOf.get(id) ?? L.none) : L.none);
  const lead = input.partners.find((p) => p.role === 'lead');
  const currency = content.summary.currency.trim();
  const withCurrency = (text: string) => (currency ? `${text} ${currency}` : text);
  const blocks: Block[] = [];

  blocks.push({ kind: 'heading', level: 1, text: L.summary });
  blocks.push({
    kind: 'fields',
    rows: [
      [L.lead, lead?.name ?? L.none],
      [L.partners, input.partners.filter((p) => p.role !== 'lead').map((p) => `${p.name} (${L[`role.${p.role}`]})`).join('; ') || L.none],
      [L.call, or(input.call.title, L.none)],
      [L.programme, or(input.call.programme, L.none)],
      [L.deadline, input.call.deadline ?? L.none],
      [L.place, or(content.summary.place, L.none)],
      [L.totalValue, content.summary.totalValue.trim() ? withCurrency(content.summary.totalValue.trim()) : L.none],
      [L.duration, content.summary.durationMonths.trim() ? `${content.summary.durationMonths.trim()} ${L.months}` : L.none],
      [L.period, or(content.summary.period, L.none)],
      [L.targetGroups, or(content.summary.targetGroups, L.none)],
      [L.status, L[`status.${input.status}`]],
    ],
  });
  if (content.summary.description.trim()) {
    blocks.push({ kind: 'heading', level: 2, text: L.description });
    for (const paragraph of content.summary.description.split(/\n{2,}/)) if (paragraph.trim()) blocks.push({ kind: 'paragraph', text: paragraph.trim() });
  }
  if (input.measures.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: L.measures });
    blocks.push({ kind: 'list', items: input.measures.map((m) => `${m.code} ${m.title} (${m.planTitle})`) });
  }

  // Logframe matrix: one row per level; indicators of a level listed in its cells.
  blocks.push({ kind: 'heading', level: 1, text: L.logframe });
  const levelRow = (label: string, level: { text: string; assumptions: string; indicators: ProposalContent['overall']['indicators'] }) => {
    const list = (pick: (i: ProposalContent['overall']['indicators'][number]) => string) =>
      level.indicators.map((i) => pick(i).trim()).filter(Boolean).join('\n') || L.none;
    return [label, or(level.text, L.none), list((i) => i.name), list((i) => i.baseline), list((i) => i.target), list((i) => i.verification), or(level.assumptions, L.none)];
  };
  blocks.push({
    kind: 'table',
    columns: [L.level, L.text, L.indicators, L.baseline, L.target, L.verification, L.assumptions],
    rows: [
      levelRow(L.overall, content.overall),
      ...content.objectives.map((o, i) => levelRow(`${L.objective} ${i + 1}`, o)),
      ...content.outputs.map((o, i) => levelRow(`${L.output} ${i + 1}`, o)),
    ],
  });

  // Activity plan.
  const outputNumber = new Map(content.outputs.map((o, i) => [o.id, i + 1]));
  blocks.push({ kind: 'heading', level: 1, text: L.activities });
  blocks.push({
    kind: 'table',
    columns: ['#', L.activity, L.output, L.responsible, L.start, L.end],
    align: ['right', 'left', 'left', 'left', 'right', 'right'],
    rows: content.activities.map((a, i) => [
      String(i + 1),
      or(a.text, L.none),
      a.outputId && outputNumber.has(a.outputId) ? String(outputNumber.get(a.outputId)) : L.none,
      partnerName(a.partnerId),
      a.startMonth === null ? L.none : String(a.startMonth),
      a.endMonth === null ? L.none : String(a.endMonth),
    ]),
  });

  // Budget: the lines, then totals per partner and per category.
  const totals = budgetTotals(content);
  const cents = (n: number) => Math.round((Number.isFinite(n) ? n : 0) * 100);
  blocks.push({ kind: 'heading', level: 1, text: currency ? `${L.budget} (${currency})` : L.budget });
  blocks.push({
    kind: 'table',
    columns: [L.category, L.description, L.partner, L.amount, L.cofinancing, L.total],
    align: ['left', 'left', 'left', 'right', 'right', 'right'],
    rows: content.budget.map((b) => [
      L[`category.${b.category}`],
      or(b.description, L.none),
      partnerName(b.partnerId),
      money(cents(b.amount)),
      money(cents(b.cofinancing)),
      money(cents(b.amount) + cents(b.cofinancing)),
    ]),
    footer: [L.total, '', '', money(totals.amount), money(totals.cofinancing), money(totals.total)],
  });
  const totalsTable = (title: string, heading: string, entries: Array<[string, { amount: number; cofinancing: number }]>) => {
    blocks.push({ kind: 'heading', level: 2, text: title });
    blocks.push({
      kind: 'table',
      columns: [heading, L.amount, L.cofinancing, L.total],
      align: ['left', 'right', 'right', 'right'],
      rows: entries.map(([label, t]) => [label, money(t.amount), money(t.cofinancing), money(t.amount + t.cofinancing)]),
      footer: [L.total, money(totals.amount), money(totals.cofinancing), money(totals.total)],
    });
  };
  totalsTable(L.byPartner, L.partner, [...totals.byPartner].map(([id, t]) => [partnerName(id), t]));
  totalsTable(L.byCategory, L.category, [...totals.byCategory].map(([category, t]) => [L[`category.${category as BudgetCategory}`], t]));

  return { title: input.title, subtitle: L.subtitle, language: input.language, blocks, generatedAt: input.generatedAt };
}

// ---- comparing versions ----

export interface SectionText {
  section: string;
  label: string;
  from: string;
  to: string;
}

/** Each section of the body as readable text ("Field: value" lines), keyed by its section key. */
function sectionTexts(content: ProposalContent, names: Map<string, string>): Map<string, { label: string; text: string }> {
  const L = en;
  const out = new Map<string, { label: string; text: string }>();
  const lines = (pairs: Array<[string, string]>) => pairs.filter(([, v]) => v.trim()).map(([k, v]) => `${k}: ${v}`).join('\n');
  const level = (l: ProposalContent['overall']) =>
    lines([
      [L.text, l.text],
      [L.assumptions, l.assumptions],
      ...l.indicators.flatMap((i, n): Array<[string, string]> => [
        [`${L.indicators} ${n + 1}`, i.name],
        [`${L.baseline} ${n + 1}`, i.baseline],
        [`${L.target} ${n + 1}`, i.target],
        [`${L.verification} ${n + 1}`, i.verification],
      ]),
    ]);
  const s = content.summary;
  out.set('summary', {
    label: L.summary,
    text: lines([
      [L.description, s.description],
      [L.targetGroups, s.targetGroups],
      [L.place, s.place],
      [L.totalValue, s.totalValue],
      ['Currency', s.currency],
      [L.duration, s.durationMonths],
      [L.period, s.period],
    ]),
  });
  out.set('overall', { label: L.overall, text: level(content.overall) });
  content.objectives.forEach((o, i) => out.set(`objective:${o.id}`, { label: `${L.objective} ${i + 1}`, text: level(o) }));
  content.outputs.forEach((o, i) => out.set(`output:${o.id}`, { label: `${L.output} ${i + 1}`, text: level(o) }));
  content.activities.forEach((a, i) =>
    out.set(`activity:${a.id}`, {
      label: `${L.activity} ${i + 1}`,
      text: lines([
        [L.activity, a.text],
        [L.responsible, a.partnerId ? (names.get(a.partnerId) ?? a.partnerId) : ''],
        [L.start, a.startMonth === null ? '' : String(a.startMonth)],
        [L.end, a.endMonth === null ? '' : String(a.endMonth)],
        [L.assumptions, a.assumptions],
      ]),
    }),
  );
  out.set('budget', {
    label: L.budget,
    text: content.budget
      .map((b) => `${L[`category.${b.category}`]}: ${b.description} — ${b.partnerId ? (names.get(b.partnerId) ?? b.partnerId) : ''} — ${b.amount} + ${b.cofinancing}`)
      .join('\n'),
  });
  return out;
}

/** Every section present in either content, in document order, with its text on both sides. */
export function diffSections(from: ProposalContent, to: ProposalContent, names: Map<string, string>): SectionText[] {
  const a = sectionTexts(from, names);
  const b = sectionTexts(to, names);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const order = (key: string) => ['summary', 'overall', 'objective', 'output', 'activity', 'budget'].indexOf(key.split(':')[0]!);
  keys.sort((x, y) => order(x) - order(y));
  return keys.map((section) => ({
    section,
    label: b.get(section)?.label ?? a.get(section)?.label ?? section,
    from: a.get(section)?.text ?? '',
    to: b.get(section)?.text ?? '',
  }));
}
