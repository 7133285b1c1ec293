import LinkOffIcon from '@mui/icons-material/LinkOff';
import ShareIcon from '@mui/icons-material/Share';
import {
  Alert,
  Box,
  Button,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  ReferenceInput,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EmptyText } from '../../components/EmptyText';
import { Section } from '../../components/Section';
import { formatWhen } from '../../components/formatWhen';
import { FormDialog } from '../../components/FormDialog';
import { useActionSubmit } from '../../components/useActionSubmit';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import type { ForceRef, Report } from './report';

/** How many police reads the tab lists (the newest). */
const READS_SHOWN = 50;

/** "Share with a force": a force autocomplete (shareReportWithForce), in a dialog. */
const ShareDialog = ({ report, open, onClose }: { report: Report; open: boolean; onClose: () => void }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const submit = useActionSubmit(
    (values) => {
      const force = values.force as { id?: string } | null | undefined;
      return dataProvider.shareReportWithForce(report.id, force?.id ?? '');
    },
    'lantern.reports.police.shared_done',
    onClose,
  );
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="lantern.reports.police.share"
      help="lantern.reports.police.share_help"
      record={{ force: null }}
      onSubmit={submit}
      saveLabel="lantern.reports.police.share_confirm"
      saveIcon={<ShareIcon />}
    >
      <ReferenceInput source="force.id" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
        {/* the report's own force area is refused by the server (its officers read it already) */}
        <AutocompleteInput label="lantern.reports.police.share_force" validate={required()} />
      </ReferenceInput>
    </FormDialog>
  );
};

/** The forces a report was shared with, "Stop sharing" each, and "Share with a force" (case workers). */
const SharedWith = ({ report, canAct }: { report: Report; canAct: boolean }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [sharing, setSharing] = useState(false);
  const [busy, setBusy] = useState(false);
  const forces = report.sharedWith ?? [];
  const consented = !!report.consent && report.consent.police !== 'NONE';

  const unshare = async (force: ForceRef) => {
    setBusy(true);
    try {
      await dataProvider.unshareReportWithForce(report.id, force.id);
      notify('lantern.reports.police.unshared_done', { type: 'success' });
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('lantern.reports.police.shared_help', { force: report.forceArea?.name ?? '-' })}
      </Typography>
      {!consented ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('lantern.reports.police.no_consent')}
        </Alert>
      ) : null}
      {forces.length === 0 ? (
        <EmptyText text="lantern.reports.police.shared_empty" />
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {forces.map((force) => (
            <Stack component="li" key={force.id} direction="row" spacing={2} sx={{ alignItems: 'center', py: 0.5 }}>
              <Typography variant="body2">{force.name}</Typography>
              {canAct ? (
                <Button
                  size="small"
                  startIcon={<LinkOffIcon />}
                  disabled={busy}
                  onClick={() => void unshare(force)}
                  aria-label={translate('lantern.reports.police.unshare_with', { force: force.name ?? '' })}
                >
                  {translate('lantern.reports.police.unshare')}
                </Button>
              ) : null}
            </Stack>
          ))}
        </Box>
      )}
      {canAct ? (
        <>
          <Button
            variant="outlined"
            startIcon={<ShareIcon />}
            onClick={() => setSharing(true)}
            disabled={!consented || busy}
            sx={{ mt: 1 }}
          >
            {translate('lantern.reports.police.share')}
          </Button>
          <ShareDialog report={report} open={sharing} onClose={() => setSharing(false)} />
        </>
      ) : null}
    </Box>
  );
};

/** Every police read of the report, newest first: when, which force, which parts. */
const PoliceReads = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const reads = report.policeReads ?? [];
  if (reads.length === 0) return <EmptyText text="lantern.reports.police.reads_empty" />;
  const shown = reads.slice(0, READS_SHOWN);
  const fieldName = (field: string) => translate(`lantern.reports.police.read_fields.${field}`, { _: field });
  return (
    <Box>
      <Table size="small" aria-label={translate('lantern.reports.police.reads_title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('lantern.reports.police.reads_at')}</TableCell>
            <TableCell>{translate('lantern.reports.police.reads_force')}</TableCell>
            <TableCell>{translate('lantern.reports.police.reads_fields')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((read, index) => (
            <TableRow key={`${read.at}|${read.force.id}|${index}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatWhen(read.at)}</TableCell>
              <TableCell>{read.force.name}</TableCell>
              <TableCell>{read.fields.filter((field) => field !== 'id').map(fieldName).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {reads.length > shown.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('lantern.reports.police.reads_more', { shown: shown.length, total: reads.length })}
        </Typography>
      ) : null}
    </Box>
  );
};

/**
 * The Police tab of the report page (staff): which other forces may read it ("Share with a
 * force", "Stop sharing": case workers only) and every police read of it. Managers read it.
 */
export const ReportPolice = (_props: { label?: string | false }) => {
  const report = useRecordContext<Report>();
  const { canAccess: canAct = false } = useCanAccess({ resource: 'reports', action: 'edit' });
  if (!report) return null;
  return (
    <Box>
      <Section title="lantern.reports.police.shared_title">
        <SharedWith report={report} canAct={canAct} />
      </Section>
      <Divider sx={{ my: 2 }} />
      <Section title="lantern.reports.police.reads_title" help="lantern.reports.police.reads_help">
        <PoliceReads report={report} />
      </Section>
    </Box>
  );
};
