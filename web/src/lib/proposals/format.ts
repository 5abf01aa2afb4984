import { formatMoney } from '../money';
import { CURRENCIES } from './doc';

/** An amount in the proposal's currency (when the summary names a known one). */
export function formatAmount(amount: number, currency: string): string {
  const code = (CURRENCIES as readonly string[]).includes(currency.trim().toUpperCase()) ? currency.trim().toUpperCase() : null;
  return formatMoney(String(Math.round(amount * 100) / 100), code);
}

/** "120 000,50" or "120000.50" as typed in the summary → a number, or null. */
export function parseAmount(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}
