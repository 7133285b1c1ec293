import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCanAccess, useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { ImpactStatistics, LanternDataProvider } from '../../providers/dataProvider';

type Pipeline = ImpactStatistics['invitations'][number];

const STEPS: { status: string | undefined; key: keyof Pipeline }[] = [
  { status: undefined, key: 'invited' },
  { status: 'INVITED', key: 'awaitingReply' },
  { status: 'ACCEPTED', key: 'accepted' },
  { status: 'DECLINED', key: 'declined' },
  { status: 'DELIVERED', key: 'delivered' },
];

/**
 * Invitations grouped by programme (staff: the server counts them): for each programme, how many
 * forces were invited and where they stand. Each count filters the list below to those forces.
 */
export const ProgrammePipeline = () => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const translate = useTranslate();
  const { setFilters, filterValues, total } = useListContext();
  const { canAccess: isStaff = false } = useCanAccess({ resource: 'impact', action: 'list' });
  const [pipelines, setPipelines] = useState<Pipeline[] | null>(null);
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
  return (
    <Box component="section" aria-label={translate('lantern.invitations.by_programme')} sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 1 }}>
      {pipelines.map((p) => (
        <Card key={p.programme} variant="outlined" sx={{ minWidth: 280 }}>
          <CardContent sx={{ pb: '12px !important' }}>
            <Typography variant="subtitle1" component="h2">
              {p.programme}
            </Typography>
            <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
              {STEPS.map(({ status, key }) => {
                const selected = filterValues.programme === p.programme && filterValues.status === status;
                return (
                  <Button
                    key={key}
                    size="small"
                    variant={selected ? 'contained' : 'text'}
                    aria-pressed={selected}
                    onClick={() => setFilters({ programme: p.programme, ...(status ? { status } : {}) }, {})}
                  >
                    {translate(`lantern.invitations.count.${key}`, { smart_count: p[key] as number })}
                  </Button>
                );
              })}
            </Stack>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};
