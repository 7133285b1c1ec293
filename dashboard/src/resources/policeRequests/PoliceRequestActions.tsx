import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturb';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import ReplyIcon from '@mui/icons-material/Reply';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  ReferenceArrayInput,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { FormDialog } from '../../components/FormDialog';
import { useActionSubmit } from '../../components/useActionSubmit';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import type { AttachedReport, PoliceRequest } from './policeRequest';

function useRequestActions() {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  return { dataProvider, notify, refresh, translate };
}

interface DialogProps {
  request: PoliceRequest;
  open: boolean;
  onClose: () => void;
}

/**
 * "Answer": a reply, and reports to attach, picked among the reports of the requesting force's
 * area (its reference and consent shown). The server refuses any the force may not see now
 * (BAD_USER_INPUT on reportIds), and the form says so under the reports.
 */
const AnswerDialog = ({ request, open, onClose }: DialogProps) => {
  const { dataProvider, translate } = useRequestActions();
  const submit = useActionSubmit(
    (values) =>
      dataProvider.answerPoliceRequest(request.id, String(values.reply ?? ''), (values.reportIds as Identifier[] | undefined) ?? []),
    'lantern.police_requests.answered',
    onClose,
  );
  const reportText = (report: AttachedReport) =>
    [report.reference, report.consent ? translate(`lantern.enums.PoliceConsent.${report.consent.police}`) : null]
      .filter(Boolean)
      .join(' · ');
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="lantern.police_requests.answer_title"
      help="lantern.police_requests.answer_help"
      record={{ id: request.id, reply: '', reportIds: [] }}
      onSubmit={submit}
      saveLabel="lantern.police_requests.send_answer"
      saveIcon={<ReplyIcon />}
      maxWidth="md"
    >
      <TextInput source="reply" label="lantern.police_requests.reply" multiline minRows={4} validate={required()} />
      <ReferenceArrayInput
        source="reportIds"
        reference="reports"
        filter={{ forceAreaId: request.force.id }}
        sort={{ field: 'receivedAt', order: 'DESC' }}
        perPage={25}
      >
        <AutocompleteArrayInput
          label="lantern.police_requests.attach"
          helperText="lantern.police_requests.attach_help"
          optionText={reportText}
        />
      </ReferenceArrayInput>
    </FormDialog>
  );
};

/** "Decline": a reply saying why, which the officer reads. */
const DeclineDialog = ({ request, open, onClose }: DialogProps) => {
  const { dataProvider } = useRequestActions();
  const submit = useActionSubmit(
    (values) => dataProvider.declinePoliceRequest(request.id, String(values.reply ?? '')),
    'lantern.police_requests.declined',
    onClose,
  );
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="lantern.police_requests.decline_title"
      help="lantern.police_requests.decline_help"
      record={{ id: request.id, reply: '' }}
      onSubmit={submit}
      saveLabel="lantern.police_requests.send_decline"
      saveIcon={<DoNotDisturbIcon />}
    >
      <TextInput source="reply" label="lantern.police_requests.reply" multiline minRows={3} validate={required()} />
    </FormDialog>
  );
};

/**
 * What a case worker may do with the request now: "Ask the member" (while OPEN), "Answer" and
 * "Decline" (while OPEN or WITH_MEMBER). Nothing once answered or declined.
 */
export const PoliceRequestActions = ({ request }: { request: PoliceRequest }) => {
  const { dataProvider, notify, refresh, translate } = useRequestActions();
  const [busy, setBusy] = useState(false);
  const [answering, setAnswering] = useState(false);
  const [declining, setDeclining] = useState(false);
  if (request.status !== 'OPEN' && request.status !== 'WITH_MEMBER') return null;

  const askMember = async () => {
    setBusy(true);
    try {
      await dataProvider.markPoliceRequestWithMember(request.id);
      notify('lantern.police_requests.asked_member', { type: 'success' });
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      refresh(); // a CONFLICT means someone else moved it meanwhile: show where it is now
    }
  };

  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ my: 1 }}>
      {request.status === 'OPEN' ? (
        <Button variant="outlined" startIcon={<PersonSearchIcon />} disabled={busy} onClick={() => void askMember()}>
          {translate('lantern.police_requests.ask_member')}
        </Button>
      ) : null}
      <Button variant="contained" startIcon={<ReplyIcon />} disabled={busy} onClick={() => setAnswering(true)}>
        {translate('lantern.police_requests.answer')}
      </Button>
      <Button variant="outlined" color="warning" startIcon={<DoNotDisturbIcon />} disabled={busy} onClick={() => setDeclining(true)}>
        {translate('lantern.police_requests.decline')}
      </Button>
      <AnswerDialog request={request} open={answering} onClose={() => setAnswering(false)} />
      <DeclineDialog request={request} open={declining} onClose={() => setDeclining(false)} />
    </Stack>
  );
};
