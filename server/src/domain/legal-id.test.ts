import { describe, expect, it } from 'vitest';
import { checkLegalId, eikCheckDigit } from './legal-id';

describe('checkLegalId', () => {
  it('accepts a Bulgarian EIK whose check digit matches and rejects one that does not', () => {
    const eik = `17512345${eikCheckDigit('17512345')}`;
    expect(checkLegalId('BG', eik)).toEqual({ ok: true, value: eik });
    const wrong = `17512345${(eikCheckDigit('17512345') + 1) % 10}`;
    expect(checkLegalId('BG', wrong)).toMatchObject({ ok: false });
  });

  it('uses the second weights when the first remainder is 10', () => {
    // 00000005 → first sum 8*5=40 → 40 % 11 = 7; find an input whose first remainder is 10 instead.
    let input = '';
    for (let n = 0; n < 100_000 && !input; n++) {
      const candidate = String(n).padStart(8, '0');
      const first = [...candidate].reduce((a, d, i) => a + (i + 1) * Number(d), 0) % 11;
      if (first === 10) input = candidate;
    }
    const second = [...input].reduce((a, d, i) => a + (i + 3) * Number(d), 0) % 11;
    expect(eikCheckDigit(input)).toBe(second === 10 ? 0 : second);
  });

  it('checks the 13-digit branch form and strips a BG VAT prefix', () => {
    const base = `12345678${eikCheckDigit('12345678')}`;
    const tail = '001';
    const ds = [...(base + tail)].map(Number); // digits 9–12 carry the branch check
    let r = (2 * ds[8]! + 7 * ds[9]! + 3 * ds[10]! + 5 * ds[11]!) % 11;
    if (r === 10) r = (4 * ds[8]! + 9 * ds[9]! + 5 * ds[10]! + 7 * ds[11]!) % 11 % 10;
    const thirteen = `${base}${tail}${r}`;
    expect(checkLegalId('BG', thirteen)).toEqual({ ok: true, value: thirteen });
    expect(checkLegalId('BG', `BG ${base}`)).toEqual({ ok: true, value: base });
    expect(checkLegalId('BG', '12345')).toMatchObject({ ok: false });
  });

  it('checks Albanian NIPT and Azerbaijani VÖEN shapes', () => {
    expect(checkLegalId('AL', 'k12345678a')).toEqual({ ok: true, value: 'K12345678A' });
    expect(checkLegalId('AL', '123456789')).toMatchObject({ ok: false });
    expect(checkLegalId('AZ', '1400 0570 21')).toEqual({ ok: true, value: '1400057021' });
    expect(checkLegalId('AZ', '14000570')).toMatchObject({ ok: false });
  });
});
