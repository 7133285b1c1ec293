/**
 * Money is an integer number of pence everywhere in Lantern. These turn it into pounds for people
 * and back, without floating-point arithmetic: "1,250.50" is read digit by digit, never as 1250.5.
 */

/** `123456` -> `£1,234.56`; whole pounds lose the pennies unless `pennies: 'always'`. */
export function formatPence(pence: number, { pennies = 'auto' }: { pennies?: 'auto' | 'always' | 'never' } = {}): string {
  if (!Number.isFinite(pence)) return '';
  const negative = pence < 0;
  const abs = Math.abs(Math.round(pence));
  const pounds = Math.floor(abs / 100);
  const rest = abs % 100;
  let text = `£${pounds.toLocaleString('en-GB')}`;
  if (pennies === 'always' || (pennies === 'auto' && rest !== 0)) text += `.${String(rest).padStart(2, '0')}`;
  if (pennies === 'never' && rest >= 50) text = `£${(pounds + 1).toLocaleString('en-GB')}`;
  return negative ? `-${text}` : text;
}

/** `123456` -> `1234.56`: pounds as a plain number text (for a CSV or an input). */
export function penceToPoundsText(pence: number): string {
  const negative = pence < 0;
  const abs = Math.abs(Math.round(pence));
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `£1.2M`, `£250K`: a short amount for a chart's axis. */
export function formatPenceShort(pence: number): string {
  const pounds = pence / 100;
  if (Math.abs(pounds) >= 1_000_000) return `£${(pounds / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })}M`;
  if (Math.abs(pounds) >= 1_000) return `£${(pounds / 1_000).toLocaleString('en-GB', { maximumFractionDigits: 0 })}K`;
  return `£${pounds.toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;
}

export type PoundsProblem = 'empty' | 'not_a_number' | 'negative' | 'fraction_of_penny' | 'zero' | 'too_large';

/**
 * Pounds as typed ("1250", "£1,250.50", "1 250.5") to whole pence, exactly. More than two decimal
 * places is refused (a fraction of a penny), unless the extra digits are zeros.
 */
export function parsePounds(text: string): { pence: number } | { problem: PoundsProblem } {
  const cleaned = text.trim().replace(/^£\s*/, '').replace(/[\s\u00a0]/g, '');
  if (!cleaned) return { problem: 'empty' };
  if (/^-/.test(cleaned) || /^£?-/.test(text.trim())) return { problem: 'negative' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (!match[1] && !match[2])) return { problem: 'not_a_number' };
  const whole = (match[1] ?? '0').replace(/,/g, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2 && /[1-9]/.test(decimals.slice(2))) return { problem: 'fraction_of_penny' };
  const pence = BigInt(whole) * 100n + BigInt(decimals.slice(0, 2).padEnd(2, '0') || '0');
  if (pence > BigInt(Number.MAX_SAFE_INTEGER)) return { problem: 'too_large' };
  if (pence === 0n) return { problem: 'zero' };
  return { pence: Number(pence) };
}

/** A share from 0 to 1 as a whole percentage ("96%"), or a dash when there is nothing to share. */
export function formatShare(part: number, whole: number): string {
  if (!whole) return '–';
  return `${Math.round((part / whole) * 100)}%`;
}
