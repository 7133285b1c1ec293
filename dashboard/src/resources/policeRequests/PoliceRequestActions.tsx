import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturb';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import ReplyIcon from '@mui/icons-material/Reply';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import {
  AutocompleteArrayInput,
  Form,
  ReferenceArrayInput,
  SaveButton,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { submitErrors } from '../../components/submitErrors';
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
  const { dataProvider, notify, refresh, translate } = useRequestActions();
  const titleId = useId();
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.answerPoliceRequest(request.id, String(values.reply ?? ''), (values.reportIds as Identifier[] | undefined) ?? []);
      notify('lantern.police_requests.answered', { type: 'success' });
      onClose();
      refresh();
      return undefined;
    } catch (error) {
      return submitErrors(error, notify);
    }
  };
  const reportText = (report: AttachedReport) =>
    [report.reference, report.consent ? translate(`lantern.enums.PoliceConsent.${report.consent.police}`) : null]
      .filter(Boolean)
      .join(' · ');
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <Form record={{ id: request.id, reply: '', reportIds: [] }} onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate('lantern.police_requests.answer_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('lantern.police_requests.answer_help')}
          </Typography>
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
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('lantern.common.cancel')}</Button>
          <SaveButton label="lantern.police_requests.send_answer" icon={<ReplyIcon />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** "Decline": a reply saying why, which the officer reads. */
const DeclineDialog = ({ request, open, onClose }: DialogProps) => {
  const { dataProvider, notify, refresh, translate } = useRequestActions();
  const titleId = useId();
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.declinePoliceRequest(request.id, String(values.reply ?? ''));
      notify('lantern.police_requests.declined', { type: 'success' });
      onClose();
      refresh();
      return undefined;
    } catch (error) {
      return submitErrors(error, notify);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <Form record={{ id: request.id, reply: '' }} onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate('lantern.police_requests.decline_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('lantern.police_requests.decline_help')}
          </Typography>
          <TextInput source="reply" label="lantern.police_requests.reply" multiline minRows={3} validate={required()} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('lantern.common.cancel')}</Button>
          <SaveButton label="lantern.police_requests.send_decline" icon={<DoNotDisturbIcon />} />
        </DialogActions>
      </Form>
    </Dialog>
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
