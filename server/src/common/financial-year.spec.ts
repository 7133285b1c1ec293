import { financialYearBounds, financialYearOf, isFinancialYear, previousFinancialYear } from './financial-year';

describe('financial years', () => {
  it.each([
    ['2020/21', true],
    ['1999/00', true],
    ['2099/00', true],
    ['2020/22', false],
    ['2020/20', false],
    ['2020-21', false],
    ['20/21', false],
    ['2020/2021', false],
    [' 2020/21', false],
    ['', false],
  ])('%j is a financial year: %s', (value, ok) => {
    expect(isFinancialYear(value)).toBe(ok);
  });

  it.each([
    ['2021-03-31', '2020/21'],
    ['2021-04-01', '2021/22'],
    ['2020-01-15', '2019/20'],
    ['1999-12-31', '1999/00'],
    ['2024-02-29', '2023/24'],
  ])('%s falls in %s', (date, year) => {
    expect(financialYearOf(date)).toBe(year);
  });

  it('steps back a year and knows its bounds', () => {
    expect(previousFinancialYear('2000/01')).toBe('1999/00');
    expect(financialYearBounds('2020/21')).toEqual({ from: '2020-04-01', to: '2021-03-31' });
  });
});
