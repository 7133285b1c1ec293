import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, CircularProgress, GlobalStyles, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Navigate, Title, useCanAccess, useNavigate, useParams, useTranslate } from 'react-admin';
import { currentFinancialYear, financialYearChoices, isFinancialYear, previousFinancialYear, yearFromPath, yearToPath } from '../components/financialYear';
import { formatPence, formatShare } from '../components/money';
import { CostEstimateText } from './CostsAvoided';
import { useLoad } from './useLoad';

/**
 * On paper: only the summary, on one A4 page (no app bar, no menu, no buttons).
 * react-admin's layout classes are stable (Ra*), MUI's too.
 */
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        '@page': { size: 'A4 portrait', margin: '12mm' },
        'body, html': { background: '#fff !important' },
        '.RaAppBar-root, .MuiAppBar-root, .RaSidebar-root, .RaSidebar-fixed, .MuiDrawer-root, .no-print': { display: 'none !important' },
        '.RaLayout-appFrame, .RaLayout-contentWithSidebar, .RaLayout-content, #main-content': {
          margin: '0 !important',
          padding: '0 !important',
          marginTop: '0 !important',
          minHeight: '0 !important',
          background: '#fff !important',
        },
        '.annual-summary': { fontSize: '9.5pt', padding: '0 !important', boxShadow: 'none !important' },
        '.annual-summary h1': { fontSize: '16pt !important' },
        '.annual-summary h2': { fontSize: '11pt !important' },
        '.annual-summary .MuiTableCell-root': { padding: '1px 4px !important', fontSize: '9pt !important' },
        '.annual-summary section': { breakInside: 'avoid' },
      },
    }}
  />
);

const Part = ({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ gridColumn: wide ? '1 / -1' : undefined, breakInside: 'avoid' }}>
      <Typography variant="h6" component="h2" sx={{ borderBottom: 1, borderColor: 'divider', mb: 0.5 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** A few label–figure pairs, as a definition list. */
const Figures = ({ items }: { items: [string, ReactNode, string?][] }) => {
  const translate = useTranslate();
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.25, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0, fontWeight: 600 } }}>
      {items.map(([label, value, testId]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <dt>{translate(label)}</dt>
          <dd data-testid={testId}>{value}</dd>
        </Box>
      ))}
    </Box>
  );
};

const AmountTable = ({ label, rows }: { label: string; rows: [string, number][] }) => {
  const translate = useTranslate();
  if (rows.length === 0) return null;
  return (
    <Table size="small" aria-label={translate(label)} sx={{ mt: 0.5 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate(label)}</TableCell>
          <TableCell align="right">{translate('lantern.dashboard.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([name, pence]) => (
          <TableRow key={name}>
            <TableCell>{name}</TableCell>
            <TableCell align="right">{formatPence(pence)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const SummaryOfYear = ({ year }: { year: string }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const funding = useLoad(`funding-${year}`, (dp) => dp.getFundingTotals({ financialYear: year }));
  const impact = useLoad(`impact-${year}`, (dp) => dp.getImpactStatistics(year));
  const years = financialYearChoices(2012);
  const training = impact.data?.trainingByYear.find((t) => t.financialYear === year);
  const reports = impact.data?.reportsByYear.find((r) => r.financialYear === year);
  const alerts = impact.data?.alertsByYear.find((a) => a.financialYear === year);
  const generated = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date());

  return (
    <Box className="annual-summary" sx={{ p: { xs: 1, md: 3 }, maxWidth: 900, mx: 'auto' }} data-testid="annual-summary" data-year={year}>
      <Title title="lantern.summary.title" />
      {printStyles}
      <Box className="no-print" sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <TextField
          select
          label={translate('lantern.summary.year')}
          value={year}
          onChange={(event) => navigate(`/annual-summary/${yearToPath(event.target.value)}`)}
          size="small"
          sx={{ minWidth: 160 }}
        >
          {years.map((y) => (
            <MenuItem key={y.id} value={y.id}>
              {y.name}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('lantern.summary.print')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {translate('lantern.summary.print_help')}
        </Typography>
      </Box>

      <Typography variant="h4" component="h1">
        {translate('lantern.summary.heading', { year })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('lantern.summary.subheading', { date: generated })}
      </Typography>

      {funding.loading || impact.loading ? <CircularProgress size={24} /> : null}
      {funding.error || impact.error ? <Alert severity="error">{funding.error ?? impact.error}</Alert> : null}

      {funding.data && impact.data ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, '@media print': { gridTemplateColumns: '1fr 1fr', gap: '8px 16px' } }}>
          <Part title="lantern.summary.funding">
            <Figures items={[['lantern.summary.funding_total', formatPence(funding.data.totalPence), 'summary-funding-total']]} />
            <AmountTable
              label="lantern.summary.by_purpose"
              rows={funding.data.byPurpose.map((p) => [translate(`lantern.enums.FundingPurpose.${p.purpose}`), p.amountPence])}
            />
            <AmountTable label="lantern.summary.by_funder" rows={funding.data.byFunder.map((f) => [f.funder.name, f.amountPence])} />
          </Part>
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Part title="lantern.summary.training">
              <Figures
                items={[
                  ['lantern.dashboard.sessions', training?.sessions ?? 0],
                  ['lantern.dashboard.officers', training?.officersTrained ?? 0, 'summary-officers'],
                  ['lantern.dashboard.forces_reached', training?.forcesReached ?? 0],
                  ['lantern.dashboard.with_experts', training?.sessionsWithExpertsByExperience ?? 0],
                  [
                    'lantern.summary.intent',
                    training?.responses
                      ? translate('lantern.summary.intent_value', {
                          share: formatShare(training.intendToUse, training.responses),
                          intend: training.intendToUse,
                          responses: training.responses,
                        })
                      : '–',
                  ],
                ]}
              />
            </Part>
            <Part title="lantern.summary.reports">
              <Figures
                items={[
                  ['lantern.summary.reports_counted', impact.data.reports],
                  [
                    'lantern.summary.violent_share',
                    `${formatShare(impact.data.violentOrSexualReports, impact.data.reports)} (${impact.data.violentOrSexualReports})`,
                  ],
                  ['lantern.dashboard.full_consent', reports ? formatShare(reports.fullPoliceConsent, reports.reports) : '–'],
                  ['lantern.dashboard.anonymous_consent', reports ? formatShare(reports.anonymousIntelligenceConsent, reports.reports) : '–'],
                  ['lantern.summary.alerts', impact.data.alertsPublished],
                  ['lantern.dashboard.sexual_violence', alerts?.sexualViolence ?? 0],
                  ['lantern.dashboard.violence', alerts?.violence ?? 0],
                ]}
              />
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
                {translate('lantern.summary.reports_note')}
              </Typography>
            </Part>
          </Box>
          <Part title="lantern.dashboard.costs.title" wide>
            <CostEstimateText estimate={impact.data.costsAvoided} />
          </Part>
        </Box>
      ) : null}
    </Box>
  );
};

/**
 * A printable one-page summary of a financial year (staff: it uses the impact statistics):
 * funding by purpose and funder, training, reports, consent, alerts and the cost estimate.
 * `/annual-summary/2020-21`; without a year, the last complete one.
 */
export const AnnualSummary = () => {
  const { year: segment } = useParams<{ year?: string }>();
  const { canAccess: isStaff, isPending } = useCanAccess({ resource: 'impact', action: 'list' });
  if (isPending) return null;
  if (!isStaff) return <Navigate to="/" replace />;
  const year = yearFromPath(segment);
  if (!isFinancialYear(year)) return <Navigate to={`/annual-summary/${yearToPath(previousFinancialYear(currentFinancialYear()))}`} replace />;
  return <SummaryOfYear year={year} />;
};
