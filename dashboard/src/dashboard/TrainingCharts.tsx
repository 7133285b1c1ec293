import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShare } from '../components/money';
import type { ImpactStatistics } from '../providers/dataProvider';
import { ChartCard } from './ChartCard';
import { COLOURS, TOOLTIP_ITEM_STYLE, LEGEND_PROPS } from './palette';

type TrainingYear = ImpactStatistics['trainingByYear'][number];
type Pipeline = ImpactStatistics['invitations'][number];

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** Officers trained (bars) and forces reached (line) per financial year. */
export const OfficersTrainedChart = ({ years }: { years: TrainingYear[] }) => {
  const translate = useTranslate();
  const totalOfficers = years.reduce((n, y) => n + y.officersTrained, 0);
  const latest = years.at(-1);
  const byYear = Object.fromEntries(years.map((y) => [y.financialYear, y.officersTrained]));
  const forcesByYear = Object.fromEntries(years.map((y) => [y.financialYear, y.forcesReached]));
  return (
    <ChartCard
      title="lantern.dashboard.officers_trained.title"
      summary={
        latest
          ? translate('lantern.dashboard.officers_trained.summary', {
              total: totalOfficers.toLocaleString('en-GB'),
              year: latest.financialYear,
              officers: latest.officersTrained.toLocaleString('en-GB'),
              forces: latest.forcesReached,
              sessions: latest.sessions,
            })
          : translate('lantern.dashboard.nothing_yet')
      }
      testId="chart-officers-trained"
      data={{
        'total-officers': totalOfficers,
        'latest-year': latest?.financialYear ?? '',
        'officers-by-year': JSON.stringify(byYear),
        'forces-by-year': JSON.stringify(forcesByYear),
      }}
      empty={years.length === 0}
      table={{
        columns: [
          translate('lantern.dashboard.year'),
          translate('lantern.dashboard.sessions'),
          translate('lantern.dashboard.officers'),
          translate('lantern.dashboard.forces_reached'),
          translate('lantern.dashboard.with_experts'),
        ],
        rows: years.map((y) => [y.financialYear, y.sessions, y.officersTrained, y.forcesReached, y.sessionsWithExpertsByExperience]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={years} margin={{ top: 16, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="financialYear" />
          <YAxis yAxisId="officers" allowDecimals={false} />
          <YAxis yAxisId="forces" orientation="right" allowDecimals={false} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} />
          <Legend {...LEGEND_PROPS} />
          <Bar yAxisId="officers" dataKey="officersTrained" name={translate('lantern.dashboard.officers')} fill={COLOURS.primary} isAnimationActive={false}>
            <LabelList dataKey="officersTrained" position="top" fontSize={11} />
          </Bar>
          <Line yAxisId="forces" dataKey="forcesReached" name={translate('lantern.dashboard.forces_reached')} stroke={COLOURS.highlight} strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};

/** The share of feedback respondents intending to use the service, per year. */
export const IntentToUseChart = ({ years }: { years: TrainingYear[] }) => {
  const translate = useTranslate();
  const withFeedback = years.filter((y) => y.responses > 0).map((y) => ({ ...y, share: percent(y.intendToUse, y.responses) }));
  const latest = withFeedback.at(-1);
  return (
    <ChartCard
      title="lantern.dashboard.intent.title"
      summary={
        latest
          ? translate('lantern.dashboard.intent.summary', {
              year: latest.financialYear,
              share: formatShare(latest.intendToUse, latest.responses),
              intend: latest.intendToUse,
              responses: latest.responses,
            })
          : translate('lantern.dashboard.nothing_yet')
      }
      testId="chart-intent-to-use"
      data={{ 'intent-by-year': JSON.stringify(Object.fromEntries(withFeedback.map((y) => [y.financialYear, y.share]))) }}
      empty={withFeedback.length === 0}
      table={{
        columns: [
          translate('lantern.dashboard.year'),
          translate('lantern.dashboard.responses'),
          translate('lantern.dashboard.intend'),
          translate('lantern.dashboard.share'),
        ],
        rows: withFeedback.map((y) => [y.financialYear, y.responses, y.intendToUse, `${y.share}%`]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={withFeedback} margin={{ top: 16, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="financialYear" />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} formatter={(v: unknown) => `${String(v)}%`} />
          <Bar dataKey="share" name={translate('lantern.dashboard.share')} fill={COLOURS.good} isAnimationActive={false}>
            <LabelList dataKey="share" position="top" fontSize={11} formatter={(v: unknown) => `${String(v)}%`} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};

/** Where the forces invited to each programme stand: one stacked bar per programme. */
export const InvitationPipelineChart = ({ pipelines }: { pipelines: Pipeline[] }) => {
  const translate = useTranslate();
  const latest = pipelines[0]; // newest programme first
  const steps = [
    { key: 'awaitingReply', colour: COLOURS.muted },
    { key: 'accepted', colour: COLOURS.secondary },
    { key: 'declined', colour: COLOURS.pink },
    { key: 'delivered', colour: COLOURS.good },
  ] as const;
  return (
    <ChartCard
      title="lantern.dashboard.invitations.title"
      summary={
        latest
          ? translate('lantern.dashboard.invitations.summary', {
              programme: latest.programme,
              invited: latest.invited,
              awaiting: latest.awaitingReply,
              accepted: latest.accepted,
              declined: latest.declined,
              delivered: latest.delivered,
            })
          : translate('lantern.dashboard.nothing_yet')
      }
      testId="chart-invitations"
      data={{ 'latest-programme': latest?.programme ?? '', 'latest-invited': latest?.invited ?? 0 }}
      empty={pipelines.length === 0}
      wide
      table={{
        columns: [
          translate('lantern.dashboard.programme'),
          translate('lantern.invitations.count_heading.invited'),
          ...steps.map((s) => translate(`lantern.invitations.count_heading.${s.key}`)),
        ],
        rows: pipelines.map((p) => [p.programme, p.invited, p.awaitingReply, p.accepted, p.declined, p.delivered]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={pipelines} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="programme" width={200} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} />
          <Legend {...LEGEND_PROPS} />
          {steps.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={translate(`lantern.invitations.count_heading.${s.key}`)} stackId="pipeline" fill={s.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
