import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contentDisposition,
  documentMediaType,
  renderCsv,
  renderDocument,
  renderMarkdown,
  type ExportDocument,
} from '../../server/src/export/index';
import { docxText, docxXml, pdfFilledShapes, pdfInfo, pdfPageCount, pdfPages, pdfText } from '../support/documents';

// Text in the three platform languages beyond English, with the letters that break naive fonts and encoders.
const BG_TITLE = 'Съвместно предложение за община Бургас';
const AZ_TEXT = 'Gəncə şəhərində ağac əkilməsi, çayların təmizlənməsi və gənclər üçün öyrənmə mərkəzi';
const SQ_TEXT = 'Projekti për bashkëpunim në Korçë dhe Shkodër: përmirësimi i shërbimeve për të rinjtë';

const ROWS = Array.from({ length: 60 }, (_, i) => {
  const n = i + 1;
  const place = ['Бургас', 'Gəncə', 'Korçë'][i % 3]!;
  // Every seventh row has a long name, so rows of different heights meet the page breaks.
  const name = n % 7 === 0 ? `Дейност ${n}: ${AZ_TEXT}; ${SQ_TEXT}` : `Дейност ${n} — ${place}`;
  return [String(n), name, place, `${(n * 1250).toLocaleString('en-US')}.00`];
});

const CHART_BARS = [
  { label: 'Приоритет 1: Икономика', value: 8.5 },
  { label: 'Prioritet 2: Mjedisi në Korçë', value: 6.25 },
  { label: 'Prioritet 3: Gənclər və təhsil', value: 3 },
  { label: 'Без покритие', value: 0 },
];

const doc: ExportDocument = {
  title: BG_TITLE,
  subtitle: 'Gəncə — Korçë — Бургас',
  language: 'bg',
  generatedAt: new Date('2026-11-22T10:00:00Z'),
  blocks: [
    { kind: 'heading', level: 1, text: 'Обобщение на проекта' },
    { kind: 'paragraph', text: `${AZ_TEXT}.\n${SQ_TEXT}.` },
    { kind: 'list', items: ['Цел: по-чиста градска среда', `Rezultati: ${SQ_TEXT}`, 'Nəticə: ağac, şəhər, gənc'] },
    {
      kind: 'fields',
      rows: [
        ['Водеща организация', 'Сдружение „Зелен Бургас“'],
        ['Partner', 'Bashkia Korçë'],
        ['Tərəfdaş', 'Gəncə Bələdiyyəsi'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Бюджет по дейности' },
    {
      kind: 'table',
      columns: ['№', 'Дейност', 'Място', 'Сума (EUR)'],
      rows: ROWS,
      align: ['right', 'left', 'left', 'right'],
      footer: ['', 'Общо', '', '2,287,500.00'],
    },
    { kind: 'heading', level: 2, text: 'Покритие на приоритетите' },
    { kind: 'barChart', title: 'Оценка по приоритети', bars: CHART_BARS, max: 10, valueSuffix: ' т.' },
    { kind: 'table', columns: ['Code', 'Note'], rows: [['A|B', 'first line\nsecond | line']] },
  ],
};

describe('PDF export', () => {
  let pdf: Buffer;
  let pages: string[];
  beforeAll(async () => {
    pdf = await renderDocument(doc, 'pdf');
    pages = await pdfPages(pdf);
  });

  it('is a PDF of several A4 pages numbered n / N, with title and language metadata', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const count = await pdfPageCount(pdf);
    expect(count).toBeGreaterThan(1);
    expect(pages).toHaveLength(count);
    pages.forEach((text, i) => expect(text).toContain(`${i + 1} / ${count}`));
    const info = await pdfInfo(pdf);
    expect(info.Title).toBe(BG_TITLE);
    expect(info.Language).toBe('bg');
  });

  it('keeps Cyrillic, Azerbaijani and Albanian text intact', async () => {
    const text = await pdfText(pdf);
    expect(text).toContain(BG_TITLE);
    expect(text).toContain('Gəncə — Korçë — Бургас');
    expect(text).toContain('Обобщение на проекта');
    // Paragraphs wrap, so compare word by word.
    for (const word of `${AZ_TEXT} ${SQ_TEXT}`.split(/\s+/)) expect(text).toContain(word);
    expect(text).toContain('Nəticə: ağac, şəhər, gənc');
    expect(text).toContain('Водеща организация\tСдружение „Зелен Бургас“');
    expect(text).toContain('Tərəfdaş\tGəncə Bələdiyyəsi');
  });

  it('repeats the header row on every page of the table and never splits a row across pages', () => {
    const header = '№\tДейност\tМясто\tСума (EUR)';
    const pagesWithRows = pages.filter((p) => ROWS.some(([n, , place]) => p.includes(`${n}\tДейност ${n}`) || p.includes(`\t${place}\t`)));
    expect(pagesWithRows.length).toBeGreaterThan(1);
    for (const p of pagesWithRows) expect(p).toContain(header);
    expect(pages.join('\n').split(header).length - 1).toBe(pagesWithRows.length);
    for (const [n, , place, amount] of ROWS) {
      // The row's first and last cells are on the same page (and the same line for one-line rows).
      const start = new RegExp(`^${n}\\tДейност ${n}\\b`, 'm');
      const found = pages.filter((p) => start.test(p));
      expect(found, `row ${n}`).toHaveLength(1);
      // Everything from the row's first line up to the next row is on this page: the amount and the end of a long name.
      const page = found[0]!;
      const from = page.search(start);
      const next = page.indexOf(`\n${Number(n) + 1}\t`, from);
      const row = page.slice(from, next === -1 ? undefined : next);
      expect(row, `row ${n}`).toContain(amount);
      if (Number(n) % 7 === 0) expect(row, `row ${n}`).toContain('rinjtë');
      if (Number(n) % 7 !== 0) expect(found[0]).toContain(`${n}\tДейност ${n} — ${place}\t${place}\t${amount}`);
    }
    expect(pages.join('\n')).toContain('Общо\t2,287,500.00');
  });

  it('draws the bar chart with labels, values and an axis', () => {
    const text = pages.join('\n');
    expect(text).toContain('Оценка по приоритети');
    expect(text).toContain('Приоритет 1: Икономика\t8.5 т.');
    expect(text).toContain('Prioritet 2: Mjedisi në Korçë\t6.25 т.');
    expect(text).toContain('Prioritet 3: Gənclər və təhsil\t3 т.');
    expect(text).toContain('Без покритие\t0 т.');
    expect(text).toMatch(/0\t2\t4\t6\t8\t10/);
  });

  it('draws chart bars as vector shapes, one per non-zero value', async () => {
    const chartOnly: ExportDocument = { title: 'Chart', language: 'en', blocks: [{ kind: 'barChart', title: 'Scores', bars: CHART_BARS }] };
    const buffer = await renderDocument(chartOnly, 'pdf');
    expect(await pdfFilledShapes(buffer, 1)).toBe(CHART_BARS.filter((b) => b.value > 0).length);
    const text = await pdfText(buffer);
    expect(text).toContain('Без покритие\t0');
  });

  it('splits a chart too long for one page across pages instead of overflowing', async () => {
    const bars = Array.from({ length: 90 }, (_, i) => ({ label: `Мярка ${i + 1}`, value: i % 11 }));
    const buffer = await renderDocument({ title: 'Long chart', language: 'bg', blocks: [{ kind: 'barChart', title: 'Покритие', bars }] }, 'pdf');
    const chartPages = await pdfPages(buffer);
    expect(chartPages.length).toBeGreaterThan(1);
    const all = chartPages.join('\n');
    for (const bar of bars) expect(all).toContain(`${bar.label}\t${bar.value}`);
  });
});

describe('DOCX export', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await renderDocument(doc, 'docx');
  });

  it('is a Word package with the document part, a page-numbered footer and a language tag', async () => {
    const zip = await JSZip.loadAsync(docx);
    expect(zip.file('word/document.xml')).not.toBeNull();
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    const footers = await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async('string')));
    expect(footers.join('')).toMatch(/PAGE/);
    expect(footers.join('')).toMatch(/NUMPAGES/);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:val="bg-BG"');
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain(BG_TITLE);
  });

  it('keeps the text, tables and chart values in every language', async () => {
    const text = await docxText(docx);
    expect(text).toContain(BG_TITLE);
    expect(text).toContain(AZ_TEXT);
    expect(text).toContain(SQ_TEXT);
    expect(text).toContain('Nəticə: ağac, şəhər, gənc');
    expect(text).toContain('Водеща организация\tСдружение „Зелен Бургас“');
    expect(text).toContain('№\tДейност\tМясто\tСума (EUR)');
    for (const [n, name, place, amount] of ROWS) expect(text).toContain(`${n}\t${name}\t${place}\t${amount}`);
    expect(text).toContain('Общо\t\t2,287,500.00');
    expect(text).toContain('Оценка по приоритети');
    expect(text).toContain('Приоритет 1: Икономика\t8.5 т.');
    expect(text).toContain('Без покритие\t0 т.');
    expect(text).toContain('A|B\tfirst line second | line');
  });

  it('marks the header row to repeat and keeps rows whole, with numbers right-aligned', async () => {
    const xml = await docxXml(docx);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('<w:jc w:val="right"/>');
    expect(xml).toMatch(/w:fill="D9E2F3"/);
    // One shaded bar per non-zero chart value.
    expect(xml.match(/w:fill="4472C4"/g) ?? []).toHaveLength(CHART_BARS.filter((b) => b.value > 0).length);
  });

  it('rejects something that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(docxText(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/document\.xml/);
  });
});

describe('Markdown export', () => {
  it('renders headings, lists and GFM tables with pipes and newlines escaped', async () => {
    const md = renderMarkdown(doc);
    expect(md.startsWith(`# ${BG_TITLE}\n`)).toBe(true);
    expect(md).toContain('## Обобщение на проекта');
    expect(md).toContain('- Nəticə: ağac, şəhər, gənc');
    expect(md).toContain('| № | Дейност | Място | Сума (EUR) |');
    expect(md).toContain('| ---: | --- | --- | ---: |');
    expect(md).toContain('| 2 | Дейност 2 — Gəncə | Gəncə | 2,500.00 |');
    expect(md).toContain('| A\\|B | first line<br>second \\| line |');
    expect(md).toContain('| Приоритет 1: Икономика | 8.5 т. |');
    // Each table line has as many unescaped pipes as the header line.
    for (const line of md.split('\n').filter((l) => l.startsWith('| A'))) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(4);
    expect(md).toContain('| **Водеща организация** | Сдружение „Зелен Бургас“ |');
    expect(md).toContain('| **Общо** |  | **2,287,500.00** |');
    const buffer = await renderDocument(doc, 'md');
    expect(buffer.toString('utf8')).toBe(md);
  });

  it('escapes user text that Markdown would read as markup', () => {
    const md = renderMarkdown({
      title: 'A *bold* <b>claim</b>',
      language: 'en',
      blocks: [
        { kind: 'paragraph', text: '# not a heading\n1. not a list\n[link](javascript:x)' },
        { kind: 'table', columns: ['x'], rows: [['<img src=x onerror=alert(1)>']] },
        { kind: 'list', items: [] },
      ],
    });
    expect(md).toBe(
      '# A \\*bold\\* \\<b\\>claim\\</b\\>\n\n\\# not a heading  \n1\\. not a list  \n\\[link\\](javascript:x)\n\n| x |\n| --- |\n| \\<img src=x onerror=alert(1)\\> |\n',
    );
  });
});

describe('CSV export', () => {
  it('writes RFC 4180 with a BOM, CRLF and quoting only where needed', () => {
    const csv = renderCsv(['Име', 'Score', 'Note'], [
      ['Gəncə', 8.5, null],
      ['Korçë, Shqipëri', -2, 'say "hi"'],
      ['two\nlines', 0, ''],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('Име,Score,Note\r\nGəncə,8.5,\r\n"Korçë, Shqipëri",-2,"say ""hi"""\r\n"two\nlines",0,\r\n');
  });

  it('neutralises spreadsheet formulas but leaves plain numbers alone', () => {
    const csv = renderCsv(['v'], [['=SUM(A1:A9)'], ['+359 888'], ['-x'], ['@cmd'], ['-3.5'], ['+7'], [-4], ['=1+1,2']]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(1, -1)).toEqual(["'=SUM(A1:A9)", "'+359 888", "'-x", "'@cmd", '-3.5', '+7', '-4', `"'=1+1,2"`]);
  });
});

describe('download headers', () => {
  it('names media types', () => {
    expect(documentMediaType('pdf')).toBe('application/pdf');
    expect(documentMediaType('docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(documentMediaType('md')).toMatch(/^text\/markdown/);
    expect(documentMediaType('csv')).toMatch(/^text\/csv; charset=utf-8/);
  });

  it('gives an ASCII fallback and an RFC 5987 UTF-8 name', () => {
    const header = contentDisposition('Предложение Gəncə "final".pdf');
    expect(header.startsWith('attachment; filename="')).toBe(true);
    const ascii = /filename="([^"]*)"/.exec(header)![1]!;
    expect(ascii).toMatch(/^[\x20-\x7e]+\.pdf$/);
    expect(ascii).not.toContain('"');
    const encoded = /filename\*=UTF-8''(\S+)$/.exec(header)![1]!;
    expect(decodeURIComponent(encoded)).toBe('Предложение Gəncə _final_.pdf');
    expect(contentDisposition('report.csv')).toBe(`attachment; filename="report.csv"; filename*=UTF-8''report.csv`);
    expect(contentDisposition('a\r\nb/../c.md')).not.toMatch(/[\r\n]/);
  });
});
