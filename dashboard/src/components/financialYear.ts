import { todayInLondon } from '../resources/reports/report';

/**
 * UK financial years (1 April to 31 March), written `2020/21` as the API does. In addresses they
 * are written `2020-21` (a slash would start a new path segment).
 */
const SHAPE = /^(\d{4})\/(\d{2})$/;

export function isFinancialYear(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = SHAPE.exec(value);
  return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

export function financialYearStarting(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The financial year of a day written YYYY-MM-DD. */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return financialYearStarting(month >= 4 ? year : year - 1);
}

export function currentFinancialYear(now: Date = new Date()): string {
  return financialYearOf(todayInLondon(now));
}

/** `2020/21` -> `2019/20`. */
export function previousFinancialYear(year: string): string {
  return financialYearStarting(Number(year.slice(0, 4)) - 1);
}

/** `2020/21` <-> `2020-21`. */
export const yearToPath = (year: string) => year.replace('/', '-');
export const yearFromPath = (segment: string | undefined) => (segment ? segment.replace('-', '/') : '');

/** Financial years from `first` to the current one, newest first, as react-admin choices. */
export function financialYearChoices(first = 2015, now: Date = new Date()): { id: string; name: string }[] {
  const last = Number(currentFinancialYear(now).slice(0, 4));
  const out: { id: string; name: string }[] = [];
  for (let y = last; y >= first; y--) out.push({ id: financialYearStarting(y), name: financialYearStarting(y) });
  return out;
}
