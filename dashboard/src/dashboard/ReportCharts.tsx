import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShare } from '../components/money';
import type { ImpactStatistics } from '../providers/dataProvider';
import { ChartCard } from './ChartCard';
import { COLOURS, TOOLTIP_ITEM_STYLE, LEGEND_PROPS } from './palette';

const VIOLENT_OR_SEXUAL = new Set(['VIOLENCE', 'RAPE', 'SEXUAL_ASSAULT']);
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** Reports by incident type, violence, rape and sexual assault picked out, with their share. */
export const IncidentTypesChart = ({ stats }: { stats: ImpactStatistics }) => {
  const translate = useTranslate();
  const data = stats.reportsByIncidentType.map((t) => ({
    type: t.incidentType,
    label: translate(`lantern.enums.IncidentType.${t.incidentType}`),
    count: t.count,
    violentOrSexual: VIOLENT_OR_SEXUAL.has(t.incidentType),
  }));
  return (
    <ChartCard
      title="lantern.dashboard.incident_types.title"
      summary={translate('lantern.dashboard.incident_types.summary', {
        share: formatShare(stats.violentOrSexualReports, stats.reports),
        violent: stats.violentOrSexualReports,
        smart_count: stats.reports,
      })}
      testId="chart-incident-types"
      data={{ reports: stats.reports, 'violent-or-sexual': stats.violentOrSexualReports, 'violent-share': Math.round(stats.violentOrSexualShare * 100) }}
      empty={data.length === 0}
      table={{
        columns: [translate('lantern.dashboard.incident_type'), translate('lantern.dashboard.reports')],
        rows: data.map((d) => [d.label, d.count]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} />
          <Bar dataKey="count" name={translate('lantern.dashboard.reports')} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.type} fill={d.violentOrSexual ? COLOURS.highlight : COLOURS.primary} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};

/**
 * Police consent per year: the share of reports (those the member lets us count) with full
 * consent, and with anonymous-intelligence consent.
 */
export const ConsentTrendChart = ({ years }: { years: ImpactStatistics['reportsByYear'] }) => {
  const translate = useTranslate();
  const data = years.map((y) => ({
    year: y.financialYear,
    reports: y.reports,
    full: percent(y.fullPoliceConsent, y.reports),
    anonymous: percent(y.anonymousIntelligenceConsent, y.reports),
  }));
  const latest = data.at(-1);
  return (
    <ChartCard
      title="lantern.dashboard.consent.title"
      summary={
        latest
          ? translate('lantern.dashboard.consent.summary', {
              year: latest.year,
              full: `${latest.full}%`,
              anonymous: `${latest.anonymous}%`,
              smart_count: latest.reports,
            })
          : translate('lantern.dashboard.nothing_yet')
      }
      testId="chart-police-consent"
      data={{ 'consent-by-year': JSON.stringify(Object.fromEntries(data.map((d) => [d.year, { full: d.full, anonymous: d.anonymous }]))) }}
      empty={data.length === 0}
      table={{
        columns: [
          translate('lantern.dashboard.year'),
          translate('lantern.dashboard.reports'),
          translate('lantern.dashboard.full_consent'),
          translate('lantern.dashboard.anonymous_consent'),
        ],
        rows: data.map((d) => [d.year, d.reports, `${d.full}%`, `${d.anonymous}%`]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} formatter={(v: unknown) => `${String(v)}%`} />
          <Legend {...LEGEND_PROPS} />
          <Line dataKey="full" name={translate('lantern.dashboard.full_consent')} stroke={COLOURS.primary} strokeWidth={2} isAnimationActive={false} />
          <Line
            dataKey="anonymous"
            name={translate('lantern.dashboard.anonymous_consent')}
            stroke={COLOURS.secondary}
            strokeWidth={2}
            strokeDasharray="6 3"
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};

/** Alerts published per year, with those about rape or sexual assault and about violence. */
export const AlertsChart = ({ stats }: { stats: ImpactStatistics }) => {
  const translate = useTranslate();
  const latest = stats.alertsByYear.at(-1);
  return (
    <ChartCard
      title="lantern.dashboard.alerts.title"
      summary={
        latest
          ? translate('lantern.dashboard.alerts.summary', {
              smart_count: stats.alertsPublished,
              year: latest.financialYear,
              latest: latest.published,
            })
          : translate('lantern.dashboard.nothing_yet')
      }
      testId="chart-alerts"
      data={{ published: stats.alertsPublished }}
      empty={stats.alertsByYear.length === 0}
      table={{
        columns: [
          translate('lantern.dashboard.year'),
          translate('lantern.dashboard.published'),
          translate('lantern.dashboard.sexual_violence'),
          translate('lantern.dashboard.violence'),
        ],
        rows: stats.alertsByYear.map((y) => [y.financialYear, y.published, y.sexualViolence, y.violence]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={stats.alertsByYear} margin={{ top: 16, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="financialYear" />
          <YAxis allowDecimals={false} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} />
          <Legend {...LEGEND_PROPS} />
          <Bar dataKey="published" name={translate('lantern.dashboard.published')} fill={COLOURS.primary} isAnimationActive={false} />
          <Bar dataKey="sexualViolence" name={translate('lantern.dashboard.sexual_violence')} fill={COLOURS.highlight} isAnimationActive={false} />
          <Bar dataKey="violence" name={translate('lantern.dashboard.violence')} fill={COLOURS.secondary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
