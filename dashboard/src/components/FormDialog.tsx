import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useId, type ReactElement, type ReactNode } from 'react';
import { Form, SaveButton, useTranslate, type FormProps } from 'react-admin';

interface FormDialogProps {
  open: boolean;
  onClose: () => void;
  /** Translation key of the title (the dialog's accessible name). */
  title: string;
  /** Translation key of a short text under the title. */
  help?: string;
  record?: FormProps['record'];
  onSubmit: (values: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>;
  /** The save button's label and icon (react-admin's "Save" and its icon when absent). */
  saveLabel?: string;
  saveIcon?: ReactElement;
  maxWidth?: 'sm' | 'md';
  /** Save even when nothing was changed (the starting values are a complete answer). */
  alwaysEnable?: boolean;
  children: ReactNode;
}

/**
 * A dialog holding a form of our own: the title, an optional help text, the inputs, then
 * "Cancel" and the save button. The submit handler closes it (see useActionSubmit).
 */
export const FormDialog = ({
  open,
  onClose,
  title,
  help,
  record,
  onSubmit,
  saveLabel,
  saveIcon,
  maxWidth = 'sm',
  alwaysEnable = false,
  children,
}: FormDialogProps) => {
  const translate = useTranslate();
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth={maxWidth}>
      <Form record={record} onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
        <DialogContent>
          {help ? (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate(help)}
            </Typography>
          ) : null}
          {children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('lantern.common.cancel')}</Button>
          <SaveButton label={saveLabel} icon={saveIcon} alwaysEnable={alwaysEnable || undefined} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
