import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { previousFinancialYear } from '../components/financialYear';
import { formatPence, formatPenceShort } from '../components/money';
import type { FundingTotals } from '../providers/dataProvider';
import { ChartCard } from './ChartCard';
import { COLOURS, colourAt, TOOLTIP_ITEM_STYLE, LEGEND_PROPS } from './palette';

const money = (value: unknown) => formatPence(Number(value));

/** Funding by financial year, each bar stacked by funder (largest funders first). */
export const FundingByYearChart = ({ totals }: { totals: FundingTotals }) => {
  const translate = useTranslate();
  const funders = totals.byFunder.map((f) => f.funder);
  const data = totals.byYear.map((y) => {
    const row: Record<string, string | number> = { year: y.financialYear, total: y.amountPence };
    for (const entry of totals.byYearAndFunder) if (entry.financialYear === y.financialYear) row[String(entry.funder.id)] = entry.amountPence;
    return row;
  });
  const latest = totals.byYear.at(-1);
  const summary = latest
    ? translate('lantern.dashboard.funding_by_year.summary', {
        total: formatPence(totals.totalPence),
        smart_count: totals.byYear.length,
        year: latest.financialYear,
        amount: formatPence(latest.amountPence),
        funders: latest.funders,
        forces: latest.forceFunders,
      })
    : translate('lantern.dashboard.nothing_yet');
  return (
    <ChartCard
      title="lantern.dashboard.funding_by_year.title"
      summary={summary}
      testId="chart-funding-by-year"
      data={{ 'total-pence': totals.totalPence, 'latest-year': latest?.financialYear ?? '', 'latest-year-pence': latest?.amountPence ?? 0 }}
      empty={data.length === 0}
      wide
      table={{
        columns: [
          translate('lantern.dashboard.year'),
          translate('lantern.dashboard.amount'),
          translate('lantern.dashboard.funders'),
          translate('lantern.dashboard.force_funders'),
        ],
        rows: totals.byYear.map((y) => [y.financialYear, formatPence(y.amountPence), y.funders, y.forceFunders]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" />
          <YAxis tickFormatter={(v: number) => formatPenceShort(v)} width={70} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} formatter={money} />
          <Legend {...LEGEND_PROPS} />
          {funders.map((funder, i) => (
            <Bar key={funder.id} dataKey={String(funder.id)} name={funder.name} stackId="funding" fill={colourAt(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};

/**
 * Police forces' funding in the latest year with any funding, beside the year before: one pair of
 * bars per force that funded in either year.
 */
export const ForceFundingChart = ({ totals }: { totals: FundingTotals }) => {
  const translate = useTranslate();
  const year = totals.byYear.at(-1)?.financialYear;
  const previous = year ? previousFinancialYear(year) : undefined;
  const forces = new Map<string, { name: string; thisYear: number; lastYear: number }>();
  for (const entry of totals.byYearAndFunder) {
    if (entry.funder.kind !== 'POLICE_FORCE' || (entry.financialYear !== year && entry.financialYear !== previous)) continue;
    const key = String(entry.funder.id);
    const row = forces.get(key) ?? { name: entry.funder.name, thisYear: 0, lastYear: 0 };
    if (entry.financialYear === year) row.thisYear += entry.amountPence;
    else row.lastYear += entry.amountPence;
    forces.set(key, row);
  }
  const data = [...forces.values()].sort((a, b) => b.thisYear - a.thisYear || b.lastYear - a.lastYear || a.name.localeCompare(b.name));
  const thisYearForces = data.filter((d) => d.thisYear > 0);
  const lastYearForces = data.filter((d) => d.lastYear > 0);
  const sum = (rows: typeof data, key: 'thisYear' | 'lastYear') => rows.reduce((n, r) => n + r[key], 0);
  return (
    <ChartCard
      title="lantern.dashboard.force_funding.title"
      summary={
        year
          ? translate('lantern.dashboard.force_funding.summary', {
              year,
              previous,
              forces: thisYearForces.length,
              amount: formatPence(sum(data, 'thisYear')),
              previous_forces: lastYearForces.length,
              previous_amount: formatPence(sum(data, 'lastYear')),
            })
          : translate('lantern.dashboard.nothing_yet')
      }
      testId="chart-force-funding"
      data={{
        year: year ?? '',
        'previous-year': previous ?? '',
        'forces-this-year': thisYearForces.length,
        'forces-last-year': lastYearForces.length,
        'this-year-pence': sum(data, 'thisYear'),
        'last-year-pence': sum(data, 'lastYear'),
      }}
      empty={data.length === 0}
      table={{
        columns: [translate('lantern.dashboard.force'), year ?? '', previous ?? ''],
        rows: data.map((d) => [d.name, formatPence(d.thisYear), formatPence(d.lastYear)]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => formatPenceShort(v)} />
          <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} formatter={money} />
          <Legend {...LEGEND_PROPS} />
          <Bar dataKey="lastYear" name={previous ?? ''} fill={COLOURS.muted} isAnimationActive={false} />
          <Bar dataKey="thisYear" name={year ?? ''} fill={COLOURS.primary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
