import { describe, expect, it } from 'vitest';
import { parsePlanCsv, parsePlanJson } from './plan-import';

const none = new Set<string>();

describe('parsePlanCsv', () => {
  it('reads levels, parents, indicators, amounts and positions', () => {
    const csv = '\uFEFFcode,title,description,indicators,budget,currency\n1,Water,,,,\n1.1,"Clean water, for all",desc,,,\n1.1.1,Pipes,"multi\nline",km of pipe; households,"1 200,5",bgn\n1.1.2,Pumps,,,,\n';
    const parsed = parsePlanCsv(csv, none);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.code, r.level, r.parentCode, r.position])).toEqual([
      ['1', 'priority', null, 0],
      ['1.1', 'objective', '1', 0],
      ['1.1.1', 'measure', '1.1', 0],
      ['1.1.2', 'measure', '1.1', 1],
    ]);
    expect(parsed.rows[2]).toMatchObject({ title: 'Pipes', description: 'multi\nline', indicators: ['km of pipe', 'households'], budget: '1200.50', currency: 'BGN' });
  });

  it('accepts semicolon-separated files as spreadsheets export them', () => {
    const parsed = parsePlanCsv('code;title;budget;currency\n1;Roads;100;EUR\n', none);
    expect(parsed).toMatchObject({ ok: true, rows: [{ code: '1', budget: '100.00' }] });
  });

  it('reports every bad row with its line number', () => {
    const csv = 'code,title,budget,currency\n1,Roads,,\n1.x.y.z,Too deep,,\n1.1,,abc,\n1,Again,,\n2.1,Orphan,5,XYZ\n';
    const parsed = parsePlanCsv(csv, none);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'code'],
      [4, 'title'],
      [4, 'budget'],
      [5, 'code'],
      [6, 'currency'],
      [6, 'code'],
    ]);
  });

  it('lets parents come from the plan already stored', () => {
    expect(parsePlanCsv('code,title\n2.1,Child\n', new Set(['2'])).ok).toBe(true);
  });

  it('refuses unknown or missing columns and unreadable files', () => {
    expect(parsePlanCsv('code,name\n1,x\n', none)).toMatchObject({ ok: false, errors: [{ field: 'header' }, { field: 'header' }] });
    expect(parsePlanCsv('code,title\n1,"unclosed\n', none)).toMatchObject({ ok: false, errors: [{ field: 'file' }] });
    expect(parsePlanCsv('code,title\n', none)).toMatchObject({ ok: false, errors: [{ field: 'file' }] });
  });
});

describe('parsePlanJson', () => {
  it('numbers rows by their position in items', () => {
    const parsed = parsePlanJson({ items: [{ code: '1', title: 'A' }, { code: '1.1', title: '', budget: 12 }] }, none);
    expect(parsed).toMatchObject({ ok: false, errors: [{ line: 2, field: 'title' }, { line: 2, field: 'currency' }] });
  });
});
