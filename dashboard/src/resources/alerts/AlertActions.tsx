import CampaignIcon from '@mui/icons-material/Campaign';
import CheckIcon from '@mui/icons-material/Check';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturb';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert as MuiAlert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  EditButton,
  TextInput,
  minLength,
  required,
  useCanAccess,
  useDataProvider,
  useRedirect,
  useNotify,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { FormDialog } from '../../components/FormDialog';
import { useActionSubmit } from '../../components/useActionSubmit';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import { readSession } from '../../providers/session';
import { isApproved, type Alert } from './alert';

/** "Withdraw": a published alert stops being shown; members and staff read the reason. */
const WithdrawDialog = ({ alert, open, onClose }: { alert: Alert; open: boolean; onClose: () => void }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const submit = useActionSubmit(
    (values) => dataProvider.withdrawAlert(alert.id, String(values.reason ?? '')),
    'lantern.alerts.withdrawn',
    onClose,
  );
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="lantern.alerts.withdraw_title"
      help="lantern.alerts.withdraw_help"
      record={{ id: alert.id, reason: '' }}
      onSubmit={submit}
      saveLabel="lantern.alerts.withdraw"
      saveIcon={<DoNotDisturbIcon />}
    >
      <TextInput source="reason" label="lantern.alerts.withdraw_reason" multiline minRows={3} validate={[required(), minLength(3)]} />
    </FormDialog>
  );
};

type Step = 'approve' | 'return' | 'publish';

/**
 * What the reader may do with the alert now:
 * - a draft: "Edit" (case workers and managers; "Submit for review" is with the findings);
 * - pending review: "Approve" (a manager who did not write it) and "Return to draft" (managers);
 * - approved: "Publish" (after a confirmation: members are told at once), "Return to draft";
 * - published: "Withdraw", with a reason.
 */
export const AlertActions = ({ alert }: { alert: Alert }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'alerts', action: 'edit' });
  const { canAccess: canReview = false } = useCanAccess({ resource: 'alerts', action: 'review' });
  const [busy, setBusy] = useState(false);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const redirect = useRedirect();

  /** "Correct": a new draft with the same content; reviewed like any alert, it replaces this one. */
  const correct = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.createAlertCorrection(alert.id);
      notify('lantern.alerts.done.correct', { type: 'success' });
      redirect('edit', 'alerts', data.id);
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
    }
  };

  const run = async (step: Step, id: Identifier) => {
    setBusy(true);
    try {
      if (step === 'approve') await dataProvider.approveAlert(id);
      else if (step === 'return') await dataProvider.returnAlertToDraft(id);
      else await dataProvider.publishAlert(id);
      notify(`lantern.alerts.done.${step}`, { type: 'success' });
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setConfirmPublish(false);
      refresh(); // a CONFLICT means someone else moved it meanwhile: show where it is now
    }
  };

  const pending = alert.status === 'PENDING_REVIEW';
  const approved = isApproved(alert);
  // a courtesy: the server refuses the author (FORBIDDEN) whatever is shown here
  const isAuthor = Boolean(alert.authorName) && readSession()?.user.name === alert.authorName;
  const showApprove = canReview && pending && !approved;

  const buttons = [
    canEdit && alert.status === 'DRAFT' ? <EditButton key="edit" record={alert} variant="outlined" /> : null,
    showApprove && !isAuthor ? (
      <Button key="approve" variant="contained" startIcon={<CheckIcon />} disabled={busy} onClick={() => void run('approve', alert.id)}>
        {translate('lantern.alerts.approve')}
      </Button>
    ) : null,
    canEdit && approved ? (
      <Button key="publish" variant="contained" color="success" startIcon={<CampaignIcon />} disabled={busy} onClick={() => setConfirmPublish(true)}>
        {translate('lantern.alerts.publish')}
      </Button>
    ) : null,
    canReview && pending ? (
      <Button key="return" variant="outlined" startIcon={<UndoIcon />} disabled={busy} onClick={() => void run('return', alert.id)}>
        {translate('lantern.alerts.return_to_draft')}
      </Button>
    ) : null,
    canEdit && alert.status === 'PUBLISHED' ? (
      <Button key="correct" variant="outlined" startIcon={<UndoIcon />} disabled={busy} onClick={() => void correct()}>
        {translate('lantern.alerts.correct')}
      </Button>
    ) : null,
    canEdit && alert.status === 'PUBLISHED' ? (
      <Button key="withdraw" variant="outlined" color="warning" startIcon={<DoNotDisturbIcon />} disabled={busy} onClick={() => setWithdrawing(true)}>
        {translate('lantern.alerts.withdraw')}
      </Button>
    ) : null,
  ].filter(Boolean);

  return (
    <>
      {showApprove && isAuthor ? <MuiAlert severity="info">{translate('lantern.alerts.author_cannot_approve')}</MuiAlert> : null}
      {pending && !approved && !canReview && canEdit ? (
        <MuiAlert severity="info">{translate('lantern.alerts.waiting_for_manager')}</MuiAlert>
      ) : null}
      {buttons.length > 0 ? (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {buttons}
        </Stack>
      ) : null}
      <Confirm
        isOpen={confirmPublish}
        loading={busy}
        title="lantern.alerts.publish_title"
        content="lantern.alerts.publish_help"
        confirm="lantern.alerts.publish"
        onConfirm={() => void run('publish', alert.id)}
        onClose={() => setConfirmPublish(false)}
      />
      <WithdrawDialog alert={alert} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </>
  );
};
