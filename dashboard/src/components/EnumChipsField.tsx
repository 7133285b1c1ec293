import { Chip, Stack } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

interface EnumChipsFieldProps extends FieldProps {
  source: string;
  /** The GraphQL enum the values belong to: labels are `lantern.enums.<enumName>.<VALUE>`. */
  enumName: string;
}

/** A list of enum values (a report's incident types) as small chips with plain-language labels. */
export const EnumChipsField = ({ source, enumName }: EnumChipsFieldProps) => {
  const translate = useTranslate();
  const values = useFieldValue({ source }) as string[] | null | undefined;
  if (!values?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {values.map((value) => (
        <li key={value}>
          <Chip size="small" label={translate(`lantern.enums.${enumName}.${value}`, { _: value })} />
        </li>
      ))}
    </Stack>
  );
};
