import { Alert, Box, Card, CardContent, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Title, useCreatePath, useTranslate } from 'react-admin';
import { formatPence, formatShare } from '../components/money';
import { readSession } from '../providers/session';
import type { TrainingSession } from '../resources/trainingSessions/trainingSession';
import { useLoad } from './useLoad';

interface YearTraining {
  financialYear: string;
  sessions: number;
  officers: number;
  responses: number;
  intendToUse: number;
}

/** Sessions summed by financial year, newest first (officers counted for the whole session). */
function trainingByYear(sessions: TrainingSession[]): YearTraining[] {
  const years = new Map<string, YearTraining>();
  for (const s of sessions) {
    const y = years.get(s.financialYear) ?? { financialYear: s.financialYear, sessions: 0, officers: 0, responses: 0, intendToUse: 0 };
    y.sessions += 1;
    y.officers += s.officersAttending;
    y.responses += s.feedback?.responses ?? 0;
    y.intendToUse += s.feedback?.intendToUse ?? 0;
    years.set(s.financialYear, y);
  }
  return [...years.values()].sort((a, b) => b.financialYear.localeCompare(a.financialYear));
}

/**
 * What a police partner sees on the home page: their own force's funding of the charity and the
 * training their force attended. The server sums and lists only their force's records; nothing
 * here comes from the impact statistics, which are staff-only.
 */
export const PoliceDashboard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const force = readSession()?.user.force;
  const funding = useLoad('police-funding', (dp) => dp.getFundingTotals());
  const sessions = useLoad('police-sessions', (dp) =>
    dp
      .getList<TrainingSession>('trainingSessions', { pagination: { page: 1, perPage: 500 }, sort: { field: 'date', order: 'DESC' }, filter: {} })
      .then(({ data }) => ({ data })),
  );
  const years = sessions.data ? trainingByYear(sessions.data) : [];
  const totalOfficers = years.reduce((n, y) => n + y.officers, 0);
  const fundingYears = [...(funding.data?.byYear ?? [])].reverse();

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="police-dashboard">
      <Title title="lantern.dashboard.title" />
      <Typography variant="h4" component="h1" gutterBottom>
        {translate('lantern.dashboard.police.heading', { force: force?.name ?? '' })}
      </Typography>
      {funding.error || sessions.error ? <Alert severity="error">{funding.error ?? sessions.error}</Alert> : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <Card component="section" variant="outlined" aria-labelledby="police-funding-heading" data-testid="police-funding" data-total-pence={funding.data?.totalPence ?? 0}>
          <CardContent>
            <Typography id="police-funding-heading" variant="h6" component="h2">
              {translate('lantern.dashboard.police.funding')}
            </Typography>
            {funding.loading ? <CircularProgress size={24} /> : null}
            {funding.data ? (
              <>
                <Typography variant="body1" sx={{ my: 1 }}>
                  {funding.data.totalPence > 0
                    ? translate('lantern.dashboard.police.funding_total', { amount: formatPence(funding.data.totalPence) })
                    : translate('lantern.dashboard.police.funding_none')}
                </Typography>
                {fundingYears.length ? (
                  <Table size="small" aria-labelledby="police-funding-heading">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('lantern.dashboard.year')}</TableCell>
                        <TableCell align="right">{translate('lantern.dashboard.amount')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {fundingYears.map((y) => (
                        <TableRow key={y.financialYear}>
                          <TableCell>{y.financialYear}</TableCell>
                          <TableCell align="right">{formatPence(y.amountPence)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                ) : null}
                {funding.data.byFunder.length ? (
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    {translate('lantern.dashboard.police.funders', { names: funding.data.byFunder.map((f) => f.funder.name).join(', ') })}
                  </Typography>
                ) : null}
                <Typography variant="body2" sx={{ mt: 1 }}>
                  <Link to={createPath({ resource: 'fundingRecords', type: 'list' })}>{translate('lantern.dashboard.police.funding_link')}</Link>
                </Typography>
              </>
            ) : null}
          </CardContent>
        </Card>
        <Card
          component="section"
          variant="outlined"
          aria-labelledby="police-training-heading"
          data-testid="police-training"
          data-total-officers={totalOfficers}
          data-sessions={sessions.data?.length ?? 0}
        >
          <CardContent>
            <Typography id="police-training-heading" variant="h6" component="h2">
              {translate('lantern.dashboard.police.training')}
            </Typography>
            {sessions.loading ? <CircularProgress size={24} /> : null}
            {sessions.data ? (
              <>
                <Typography variant="body1" sx={{ my: 1 }}>
                  {sessions.data.length
                    ? translate('lantern.dashboard.police.training_total', { smart_count: sessions.data.length, officers: totalOfficers })
                    : translate('lantern.dashboard.police.training_none')}
                </Typography>
                {years.length ? (
                  <Table size="small" aria-labelledby="police-training-heading">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('lantern.dashboard.year')}</TableCell>
                        <TableCell align="right">{translate('lantern.dashboard.sessions')}</TableCell>
                        <TableCell align="right">{translate('lantern.dashboard.officers_attending')}</TableCell>
                        <TableCell align="right">{translate('lantern.dashboard.intend_share')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {years.map((y) => (
                        <TableRow key={y.financialYear}>
                          <TableCell>{y.financialYear}</TableCell>
                          <TableCell align="right">{y.sessions}</TableCell>
                          <TableCell align="right">{y.officers}</TableCell>
                          <TableCell align="right">{formatShare(y.intendToUse, y.responses)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                ) : null}
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  {translate('lantern.dashboard.police.training_note')}
                </Typography>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  <Link to={createPath({ resource: 'trainingSessions', type: 'list' })}>{translate('lantern.dashboard.police.training_link')}</Link>
                </Typography>
              </>
            ) : null}
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
};
