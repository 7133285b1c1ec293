import LockResetIcon from '@mui/icons-material/LockReset';
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  PasswordInput,
  SaveButton,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { LanternDataProvider } from '../../providers/dataProvider';
import type { User } from './user';

interface ResetPasswordValues {
  password?: string;
}

/** A small form of its own under the user's edit form: resetPassword(id, password). */
export const ResetPasswordForm = () => {
  const record = useRecordContext<User>();
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [formKey, setFormKey] = useState(0); // a new key empties the form after a reset

  if (!record) return null;

  const submit = async (values: ResetPasswordValues) => {
    try {
      await dataProvider.resetPassword(record.id, values.password ?? '');
      notify('lantern.users.reset_password.done', { type: 'success' });
      setFormKey((key) => key + 1);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };

  return (
    <Box component="section" aria-labelledby="reset-password-title" sx={{ px: 2, pb: 2, borderTop: 1, borderColor: 'divider' }}>
      <Typography id="reset-password-title" variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate('lantern.users.reset_password.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('lantern.users.reset_password.help')}
      </Typography>
      <Form key={formKey} record={{ id: record.id }} onSubmit={submit} noValidate>
        <PasswordInput
          source="password"
          label="lantern.users.reset_password.new_password"
          autoComplete="new-password"
          validate={required()}
        />
        <SaveButton
          label="lantern.users.reset_password.action"
          variant="outlined"
          icon={<LockResetIcon />}
        />
      </Form>
    </Box>
  );
};
