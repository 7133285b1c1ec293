import { TextField } from '@mui/material';
import type { Ref } from 'react';
import { useTranslate } from 'react-admin';

/** A one-time code input: numeric keyboard on phones, the browser's one-time-code autofill, a visible label. */
export const CodeField = ({
  value,
  onChange,
  label = 'lantern.account.code_label',
  helperText = 'lantern.account.code_help',
  inputRef,
  allowRecoveryCode = false,
  id,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  helperText?: string;
  inputRef?: Ref<HTMLInputElement>;
  allowRecoveryCode?: boolean;
  id: string;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      id={id}
      label={translate(label)}
      helperText={translate(helperText)}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      inputRef={inputRef}
      required
      autoComplete="one-time-code"
      slotProps={{ htmlInput: { inputMode: allowRecoveryCode ? 'text' : 'numeric', maxLength: allowRecoveryCode ? 40 : 7, spellCheck: false } }}
      sx={{ my: 1, maxWidth: 360, display: 'flex' }}
      fullWidth
    />
  );
};

/** The server's message for a failed call (already in words a person can read). */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
}
