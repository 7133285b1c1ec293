import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { eraseMember } from './retentionApi';

/**
 * A case worker erases a member's account at the member's own request (on the phone, say),
 * after a confirmation. Under a legal hold the server refuses (its message says so) and records
 * the request, which is carried out when the hold ends. Shown to case workers only.
 */
export const EraseMemberButton = () => {
  const record = useRecordContext<{ id: string; erasedAt?: string | null }>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.erasedAt || permissions !== 'CASE_WORKER') return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await eraseMember(record.id);
      notify('lantern.retention.erase.done', { type: 'success' });
      refresh();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button color="error" variant="outlined" size="small" startIcon={<PersonOffIcon />} onClick={() => setOpen(true)}>
        {translate('lantern.retention.erase.action')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="lantern.retention.erase.confirm_title"
        content="lantern.retention.erase.confirm_content"
        confirm="lantern.retention.erase.action"
        confirmColor="warning"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
