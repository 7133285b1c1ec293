import AddIcon from '@mui/icons-material/Add';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Title, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import { previousFinancialYear, currentFinancialYear, yearToPath } from '../components/financialYear';
import { CostsAvoided } from './CostsAvoided';
import { ForceFundingChart, FundingByYearChart } from './FundingCharts';
import { AlertsChart, ConsentTrendChart, IncidentTypesChart } from './ReportCharts';
import { IntentToUseChart, InvitationPipelineChart, OfficersTrainedChart } from './TrainingCharts';
import { useLoad } from './useLoad';

const Group = ({ title, help, children }: { title: string; help?: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 4 }}>
      <Typography variant="h5" component="h2" sx={{ mb: 0.5 }}>
        {translate(title)}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate(help)}
        </Typography>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>{children}</Box>
    </Box>
  );
};

/** "Record funding", "Record a training session", "Invite a force": for managers only. */
const ManagerActions = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { canAccess: canRecord = false } = useCanAccess({ resource: 'fundingRecords', action: 'create' });
  if (!canRecord) return null;
  const links = [
    { resource: 'fundingRecords', label: 'lantern.dashboard.actions.funding' },
    { resource: 'trainingSessions', label: 'lantern.dashboard.actions.session' },
    { resource: 'trainingInvitations', label: 'lantern.dashboard.actions.invitation' },
  ];
  return (
    <>
      {links.map((l) => (
        <Button key={l.resource} component={Link} to={createPath({ resource: l.resource, type: 'create' })} startIcon={<AddIcon />} variant="outlined" size="small" sx={{ color: 'primary.dark' }}>
          {translate(l.label)}
        </Button>
      ))}
    </>
  );
};

/**
 * The managers' dashboard (case workers and admins read the same): funding, training, reports,
 * alerts and the costs-avoided estimate, each chart with its numbers in words and as a table.
 */
export const StaffDashboard = () => {
  const translate = useTranslate();
  const funding = useLoad('funding', (dp) => dp.getFundingTotals());
  const impact = useLoad('impact', (dp) => dp.getImpactStatistics(null));
  const summaryYear = funding.data?.byYear.at(-1)?.financialYear ?? previousFinancialYear(currentFinancialYear());

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="staff-dashboard">
      <Title title="lantern.dashboard.title" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {translate('lantern.dashboard.heading')}
        </Typography>
        <ManagerActions />
        <Button component={Link} to={`/annual-summary/${yearToPath(summaryYear)}`} startIcon={<PrintIcon />} variant="contained" size="small">
          {translate('lantern.dashboard.annual_summary')}
        </Button>
      </Box>
      {funding.loading || impact.loading ? (
        <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }} role="status" aria-label={translate('ra.page.loading')}>
          <CircularProgress />
        </Box>
      ) : null}
      {funding.error || impact.error ? <Alert severity="error">{funding.error ?? impact.error}</Alert> : null}
      {funding.data ? (
        <Group title="lantern.dashboard.groups.funding">
          <FundingByYearChart totals={funding.data} />
          <ForceFundingChart totals={funding.data} />
        </Group>
      ) : null}
      {impact.data ? (
        <>
          <Group title="lantern.dashboard.groups.training">
            <OfficersTrainedChart years={impact.data.trainingByYear} />
            <IntentToUseChart years={impact.data.trainingByYear} />
            <InvitationPipelineChart pipelines={impact.data.invitations} />
          </Group>
          <Group title="lantern.dashboard.groups.reports" help="lantern.dashboard.groups.reports_help">
            <IncidentTypesChart stats={impact.data} />
            <ConsentTrendChart years={impact.data.reportsByYear} />
            <AlertsChart stats={impact.data} />
          </Group>
          <Group title="lantern.dashboard.groups.costs">
            <CostsAvoided initial={impact.data.costsAvoided} />
          </Group>
        </>
      ) : null}
    </Box>
  );
};
