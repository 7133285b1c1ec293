import { Box, Typography } from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import { Form, SaveButton, useTranslate, type FormProps } from 'react-admin';
import { useActionSubmit } from './useActionSubmit';

interface AddItemFormProps {
  /** Translation key of a heading above the form (none when absent). */
  title?: string;
  /** The starting values; the form returns to them once an item is added. */
  record?: FormProps['record'];
  /** Adds the item (a mutation); the form empties when it succeeds. */
  perform: (values: Record<string, unknown>) => Promise<unknown>;
  /** Translation key of the success notification. */
  done: string;
  saveLabel: string;
  saveIcon: ReactElement;
  children: ReactNode;
}

/** A small form under a list that adds one item to it (a note, a support action, a police contact). */
export const AddItemForm = ({ title, record, perform, done, saveLabel, saveIcon, children }: AddItemFormProps) => {
  const translate = useTranslate();
  const [formKey, setFormKey] = useState(0);
  const submit = useActionSubmit(perform, done, () => setFormKey((key) => key + 1));
  return (
    <Box sx={{ mt: 2 }}>
      {title ? (
        <Typography variant="subtitle1" component="h3">
          {translate(title)}
        </Typography>
      ) : null}
      <Form key={formKey} record={record} onSubmit={submit} noValidate>
        {children}
        <SaveButton label={saveLabel} icon={saveIcon} variant="outlined" />
      </Form>
    </Box>
  );
};
