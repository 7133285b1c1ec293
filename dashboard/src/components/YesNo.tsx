import { Typography } from '@mui/material';
import { RadioButtonGroupInput, useFieldValue, useTranslate, type RadioButtonGroupInputProps } from 'react-admin';

const yesNoChoices = [
  { id: 'true', name: 'lantern.common.yes' },
  { id: 'false', name: 'lantern.common.no' },
];

/** A boolean asked as an explicit "Yes" / "No" (consent questions: no switch left as it was). */
export const YesNoInput = (props: Omit<RadioButtonGroupInputProps, 'choices' | 'format' | 'parse'>) => (
  <RadioButtonGroupInput
    {...props}
    choices={yesNoChoices}
    format={(value: unknown) => (value === true ? 'true' : value === false ? 'false' : '')}
    parse={(value: unknown) => (value === 'true' ? true : value === 'false' ? false : null)}
  />
);

/** A boolean shown as "Yes" / "No" (or nothing when unknown). */
export const YesNoField = ({ source }: { source: string; label?: string }) => {
  const translate = useTranslate();
  const value = useFieldValue({ source });
  if (value !== true && value !== false) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(value ? 'lantern.common.yes' : 'lantern.common.no')}
    </Typography>
  );
};
