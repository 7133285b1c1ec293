import { registerDecorator, type ValidationOptions } from 'class-validator';
import { todayInLondon } from './dates';

/**
 * UK financial years run from 1 April to 31 March and are written `2020/21`: the first year in
 * full, a slash, and the last two digits of the next year.
 */
const SHAPE = /^(\d{4})\/(\d{2})$/;

export const FINANCIAL_YEAR_MESSAGE = 'must be a financial year like 2020/21 (the second part is the year after the first)';

export function isFinancialYear(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = SHAPE.exec(value);
  if (!m) return false;
  const first = Number(m[1]);
  return first >= 1900 && (first + 1) % 100 === Number(m[2]);
}

/** The financial year a calendar date (YYYY-MM-DD) falls in. */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

export function currentFinancialYear(now = new Date()): string {
  return financialYearOf(todayInLondon(now));
}

/** `2020/21` -> `2019/20`. */
export function previousFinancialYear(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first and last calendar days of a financial year. */
export function financialYearBounds(year: string): { from: string; to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** class-validator: the value is a financial year written `2020/21`. */
export function IsFinancialYear(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isFinancialYear',
      target: object.constructor,
      propertyName,
      options: { message: FINANCIAL_YEAR_MESSAGE, ...options },
      validator: { validate: (value: unknown) => isFinancialYear(value) },
    });
}

/**
 * The SQL function the aggregates use (created by a migration): the financial year of a date, so
 * that grouping by year happens in PostgreSQL.
 */
export const FINANCIAL_YEAR_SQL_FUNCTION = `create or replace function lantern_financial_year(d date) returns text
language sql immutable parallel safe as $$
  select case when extract(month from d) >= 4
    then to_char(d, 'YYYY') || '/' || to_char(d + interval '1 year', 'YY')
    else to_char(d - interval '1 year', 'YYYY') || '/' || to_char(d, 'YY')
  end
$$`;
