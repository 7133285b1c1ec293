import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Labeled,
  ReferenceInput,
  TextInput,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EnumChipsField } from '../../components/EnumChipsField';
import { ShowLink } from '../../components/ShowLink';
import { formatWhen } from '../../components/formatWhen';
import { FormDialog } from '../../components/FormDialog';
import { useActionSubmit } from '../../components/useActionSubmit';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import type { CaseRecord } from './case';

function useCaseActions() {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return { dataProvider, notify, refresh };
}

/** The name of the button that moves a case to `status` ("Close case", "Reopen case", "Move to Active"). */
function transitionLabel(from: string, to: string): string {
  if (to === 'CLOSED') return 'lantern.cases.to.CLOSED';
  if (from === 'CLOSED') return 'lantern.cases.reopen';
  return `lantern.cases.to.${to}`;
}

/** Closing asks for the outcome (the server requires one), in a dialog. */
const CloseCaseDialog = ({ record, open, onClose }: { record: CaseRecord; open: boolean; onClose: () => void }) => {
  const { dataProvider } = useCaseActions();
  const submit = useActionSubmit(
    (values) => dataProvider.changeCaseStatus(record.id, 'CLOSED', String(values.outcome ?? '')),
    'lantern.cases.status_changed',
    onClose,
  );
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="lantern.cases.close.title"
      help="lantern.cases.close.help"
      onSubmit={submit}
      saveLabel="lantern.cases.close.confirm"
    >
      <TextInput source="outcome" label="lantern.cases.close.outcome" multiline minRows={3} validate={required()} />
    </FormDialog>
  );
};

/** Another case worker (active accounts with that role only: the server checks it too). */
const ReassignDialog = ({ record, open, onClose }: { record: CaseRecord; open: boolean; onClose: () => void }) => {
  const { dataProvider } = useCaseActions();
  const submit = useActionSubmit(
    (values) => {
      const assignee = values.assignee as { id?: string } | null | undefined;
      return dataProvider.assignCase(record.id, assignee?.id || null);
    },
    'lantern.cases.assign.done',
    onClose,
  );
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="lantern.cases.assign.title"
      record={{ id: record.id, assignee: record.assignee ? { id: record.assignee.id } : null }}
      onSubmit={submit}
      saveLabel="lantern.cases.assign.confirm"
    >
      <ReferenceInput
        source="assignee.id"
        reference="users"
        filter={{ role: 'CASE_WORKER', active: true }}
        sort={{ field: 'name', order: 'ASC' }}
      >
        <AutocompleteInput label="lantern.cases.assign.case_worker" optionText="name" />
      </ReferenceInput>
    </FormDialog>
  );
};

/** The buttons a case worker may use now: only the case's `allowedTransitions`, and assignment. */
const CaseActions = ({ record }: { record: CaseRecord }) => {
  const { dataProvider, notify, refresh } = useCaseActions();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  const [reassigning, setReassigning] = useState(false);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notify(done, { type: 'success' });
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      refresh(); // a CONFLICT means the case moved meanwhile: show where it is now
    }
  };

  const move = (status: string) =>
    status === 'CLOSED'
      ? setClosing(true)
      : void run(() => dataProvider.changeCaseStatus(record.id, status), 'lantern.cases.status_changed');

  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ my: 1 }}>
      {(record.allowedTransitions ?? []).map((status) => (
        <Button
          key={status}
          variant={status === 'CLOSED' ? 'outlined' : 'contained'}
          color={status === 'CLOSED' ? 'warning' : 'primary'}
          disabled={busy}
          onClick={() => move(status)}
        >
          {translate(transitionLabel(record.status, status))}
        </Button>
      ))}
      {identity && record.assignee?.id !== identity.id ? (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => void run(() => dataProvider.assignCase(record.id, identity.id), 'lantern.cases.assign.done')}
        >
          {translate('lantern.cases.assign.to_me')}
        </Button>
      ) : null}
      <Button variant="text" disabled={busy} onClick={() => setReassigning(true)}>
        {translate('lantern.cases.assign.reassign')}
      </Button>
      <CloseCaseDialog record={record} open={closing} onClose={() => setClosing(false)} />
      <ReassignDialog record={record} open={reassigning} onClose={() => setReassigning(false)} />
    </Stack>
  );
};

/** The top of the case page: report, status, assignee, dates, outcome; actions for case workers. */
export const CaseHeader = ({ canAct }: { canAct: boolean }) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1, alignItems: 'flex-start' }}>
        <Labeled label="resources.cases.fields.report">
          <ShowLink resource="reports" id={record.report?.id}>
            {record.report?.reference}
          </ShowLink>
        </Labeled>
        <Labeled label="resources.cases.fields.status">
          <Chip
            label={translate(`lantern.enums.CaseStatus.${record.status}`)}
            color={record.status === 'CLOSED' ? 'default' : 'primary'}
            size="small"
          />
        </Labeled>
        <Labeled label="resources.cases.fields.assignee">
          <Typography variant="body2">{record.assignee?.name ?? translate('lantern.cases.assign.nobody')}</Typography>
        </Labeled>
        <Labeled label="resources.cases.fields.openedAt">
          <Typography variant="body2">{formatWhen(record.openedAt)}</Typography>
        </Labeled>
        {record.closedAt ? (
          <Labeled label="resources.cases.fields.closedAt">
            <Typography variant="body2">{formatWhen(record.closedAt)}</Typography>
          </Labeled>
        ) : null}
        <Labeled label="resources.cases.fields.policeConsent">
          <Typography variant="body2">
            {record.report?.consent ? translate(`lantern.enums.PoliceConsent.${record.report.consent.police}`) : '-'}
          </Typography>
        </Labeled>
        <Labeled label="resources.reports.fields.incidentTypes">
          <EnumChipsField source="report.incidentTypes" enumName="IncidentType" />
        </Labeled>
      </Box>
      {record.outcome ? (
        <Labeled label="resources.cases.fields.outcome">
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {record.outcome}
          </Typography>
        </Labeled>
      ) : null}
      {canAct ? (
        <CaseActions record={record} />
      ) : (
        <Alert severity="info" sx={{ my: 1 }}>
          {translate('lantern.cases.read_only')}
        </Alert>
      )}
    </Box>
  );
};
