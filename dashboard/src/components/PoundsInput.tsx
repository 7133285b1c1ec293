import { TextField } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, type InputProps } from 'react-admin';
import { parsePounds, penceToPoundsText } from './money';

interface PoundsInputProps extends Omit<InputProps, 'format' | 'parse'> {
  helperText?: string;
}

/** Text left in the form (not exact pence) is refused, saying why. */
const checkPounds = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined; // required() says it
  if (typeof value === 'number') return undefined;
  const parsed = parsePounds(String(value));
  return 'problem' in parsed ? `lantern.money.${parsed.problem}` : undefined;
};

const wholePounds = (text: string) => text.replace(/\.00$/, '');

/**
 * An amount typed in pounds ("12,500" or "12500.50") and kept in the form as whole pence (the
 * API's `amountPence`), so a server error about `amountPence` marks this input. What cannot be
 * read exactly as pence (a fraction of a penny, a negative amount) stays as text in the form and
 * is refused by the validator with a message saying why.
 */
export const PoundsInput = ({ source, label, helperText, validate, ...rest }: PoundsInputProps) => {
  const validators = useMemo(() => [checkPounds, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])], [validate]);
  const { field, fieldState, isRequired, id } = useInput({ source, validate: validators, ...rest });
  const fromValue = (value: unknown) => (typeof value === 'number' ? wholePounds(penceToPoundsText(value)) : String(value ?? ''));
  const [text, setText] = useState(() => fromValue(field.value));

  // a value set from outside (the record loaded, the form reset) replaces what is shown
  useEffect(() => {
    const current = parsePounds(text);
    const same = typeof field.value === 'number' ? 'pence' in current && current.pence === field.value : String(field.value ?? '') === text;
    if (!same) setText(fromValue(field.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field.value]);

  const onChange = (next: string) => {
    setText(next);
    const parsed = parsePounds(next);
    field.onChange('pence' in parsed ? parsed.pence : next.trim() === '' ? null : next);
  };
  const invalid = fieldState.invalid && (fieldState.isTouched || !!fieldState.error);
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onChange={(event) => onChange(event.target.value)}
      onBlur={field.onBlur}
      label={<FieldTitle label={label} source={source} isRequired={isRequired} resource={rest.resource} />}
      error={invalid}
      helperText={<InputHelperText error={invalid ? fieldState.error?.message : undefined} helperText={helperText ?? 'lantern.money.help'} />}
      slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' }, input: { startAdornment: <span aria-hidden="true">£&nbsp;</span> } }}
      sx={{ minWidth: 240 }}
    />
  );
};
