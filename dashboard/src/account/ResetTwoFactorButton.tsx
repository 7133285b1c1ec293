import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useState } from 'react';
import { Button, Confirm, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { readSession } from '../providers/session';
import { messageOf } from './CodeField';
import { resetTwoFactor } from './twoFactor';

/**
 * An administrator turns off another account's two-factor sign-in (a lost phone, no recovery
 * codes left): the account can then sign in with its password and set it up again. It also ends
 * every session of that account; the server records who did it.
 */
export const ResetTwoFactorButton = () => {
  const record = useRecordContext<{ id: string; name?: string; twoFactorEnabled?: boolean | null }>();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (permissions !== 'ADMIN' || !record?.twoFactorEnabled || record.id === readSession()?.user.id) return null;
  const reset = async () => {
    setBusy(true);
    try {
      await resetTwoFactor(String(record.id));
      notify('lantern.account.reset.done', { type: 'info' });
      refresh();
    } catch (err) {
      const message = messageOf(err);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="lantern.account.reset.action" onClick={() => setOpen(true)} color="warning">
        <LockOpenIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="lantern.account.reset.confirm_title"
        content="lantern.account.reset.confirm_content"
        translateOptions={{ name: record.name ?? '' }}
        onConfirm={() => void reset()}
        onClose={() => setOpen(false)}
        confirmColor="warning"
      />
    </>
  );
};
