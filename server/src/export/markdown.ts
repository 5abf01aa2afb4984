import type { Block, ExportDocument } from './document';

/** Escapes characters that Markdown would read as emphasis, code, links or HTML. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Escapes text for a GFM table cell: pipes would split the cell and newlines would end the row. */
export function markdownCell(text: string): string {
  return inline(text.trim())
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

function strong(cell: string): string {
  return cell ? `**${cell}**` : cell;
}

function paragraph(text: string): string {
  // Keep the author's line breaks as hard breaks; escape a leading '#', '-', '+' or 'n.' that would change the block type.
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => inline(line).replace(/^(\s*)(\d*)([#>+.)-])(?=\s|$)/, (all: string, space: string, digits: string, mark: string) =>
      digits && !'.)'.includes(mark) ? all : `${space}${digits}\\${mark}`,
    ))
    .join('  \n');
}

function table(
  columns: string[],
  rows: string[][],
  options: { align?: Array<'left' | 'right'>; footer?: string[]; strongColumn?: number } = {},
): string {
  const width = Math.max(columns.length, ...rows.map((r) => r.length), options.footer?.length ?? 0);
  const line = (cells: string[], bold = false): string =>
    `| ${Array.from({ length: width }, (_, i) => {
      const cell = markdownCell(cells[i] ?? '');
      return bold || i === options.strongColumn ? strong(cell) : cell;
    }).join(' | ')} |`;
  const rule = `| ${Array.from({ length: width }, (_, i) => (options.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  const out = [line(columns), rule, ...rows.map((r) => line(r))];
  if (options.footer) out.push(line(options.footer, true));
  return out.join('\n');
}

export function formatChartValue(value: number, suffix = ''): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(value >= 10 ? 1 : 2).replace(/\.?0+$/, '');
  return `${text}${suffix}`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      // The document title is the only level-1 heading, so block headings start at level 2.
      return `${'#'.repeat(b.level + 1)} ${inline(b.text.replace(/\s+/g, ' ').trim())}`;
    case 'paragraph':
      return paragraph(b.text);
    case 'list':
      return b.items.map((item) => `- ${inline(item).replace(/\r\n|\r|\n/g, '  \n  ')}`).join('\n');
    case 'fields':
      if (b.rows.length === 0) return '';
      return table(['', ''], b.rows, { strongColumn: 0 });
    case 'table':
      if (b.columns.length === 0) return '';
      return table(b.columns, b.rows, { align: b.align, footer: b.footer });
    case 'barChart': {
      const heading = `**${inline(b.title)}**`;
      if (b.bars.length === 0) return heading;
      const rows = b.bars.map((bar) => [bar.label, formatChartValue(bar.value, b.valueSuffix)]);
      return `${heading}\n\n${table(['', ''], rows, { align: ['left', 'right'] })}`;
    }
  }
}

/** GitHub-flavoured Markdown for a document. */
export function renderMarkdown(doc: ExportDocument): string {
  const parts = [`# ${inline(doc.title.replace(/\s+/g, ' ').trim())}`];
  if (doc.subtitle) parts.push(`_${inline(doc.subtitle)}_`);
  for (const b of doc.blocks) {
    const text = block(b);
    if (text) parts.push(text);
  }
  return `${parts.join('\n\n')}\n`;
}
