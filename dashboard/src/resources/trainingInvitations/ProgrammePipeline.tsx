import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCanAccess, useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { ImpactStatistics, LanternDataProvider } from '../../providers/dataProvider';

type Pipeline = ImpactStatistics['invitations'][number];

const STEPS: { status: string | undefined; key: keyof Omit<Pipeline, 'programme'> }[] = [
  { status: undefined, key: 'invited' },
  { status: 'INVITED', key: 'awaitingReply' },
  { status: 'ACCEPTED', key: 'accepted' },
  { status: 'DECLINED', key: 'declined' },
  { status: 'DELIVERED', key: 'delivered' },
];

/** The newest programmes shown at first; "Show all" for the rest. */
const FIRST = 3;

/**
 * Invitations grouped by programme (staff: the server counts them), newest programme first: how
 * many forces were invited and where they stand. Each count filters the list below to those.
 */
export const ProgrammePipeline = () => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const translate = useTranslate();
  const { setFilters, filterValues, total } = useListContext();
  const { canAccess: isStaff = false } = useCanAccess({ resource: 'impact', action: 'list' });
  const [pipelines, setPipelines] = useState<Pipeline[] | null>(null);
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (!isStaff) return;
    let live = true;
    dataProvider
      .getImpactStatistics(null)
      .then(({ data }) => live && setPipelines(data.invitations))
      .catch(() => live && setPipelines(null));
    return () => {
      live = false;
    };
  }, [dataProvider, isStaff, total]);
  if (!pipelines?.length) return null;
  const shown = all ? pipelines : pipelines.slice(0, FIRST);
  return (
    <Box component="section" aria-labelledby="invitation-pipeline-heading" sx={{ p: 2, pb: 1 }} data-testid="invitation-pipeline">
      <Typography id="invitation-pipeline-heading" variant="subtitle1" component="h2">
        {translate('lantern.invitations.by_programme')}
      </Typography>
      <Table size="small" aria-labelledby="invitation-pipeline-heading">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.trainingInvitations.fields.programme')}</TableCell>
            {STEPS.map(({ key }) => (
              <TableCell key={key} align="right">
                {translate(`lantern.invitations.count_heading.${key}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((p) => (
            <TableRow key={p.programme}>
              <TableCell component="th" scope="row">
                {p.programme}
              </TableCell>
              {STEPS.map(({ status, key }) => {
                const selected = filterValues.programme === p.programme && filterValues.status === status;
                return (
                  <TableCell key={key} align="right" sx={{ py: 0 }}>
                    <Button
                      size="small"
                      variant={selected ? 'contained' : 'text'}
                      aria-pressed={selected}
                      aria-label={translate('lantern.invitations.show_these', {
                        programme: p.programme,
                        what: translate(`lantern.invitations.count.${key}`, { smart_count: p[key] }),
                      })}
                      onClick={() => setFilters({ programme: p.programme, ...(status ? { status } : {}) }, {})}
                      sx={{ minWidth: 40 }}
                    >
                      {p[key]}
                    </Button>
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pipelines.length > FIRST ? (
        <Button size="small" onClick={() => setAll((a) => !a)} sx={{ mt: 0.5 }}>
          {translate(all ? 'lantern.invitations.show_fewer' : 'lantern.invitations.show_all', { smart_count: pipelines.length })}
        </Button>
      ) : null}
    </Box>
  );
};
