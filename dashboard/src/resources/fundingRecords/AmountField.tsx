import { Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';
import { formatPence } from '../../components/money';

/** An amount in pence, shown in pounds with thousands separators ("£12,500" or "£12,500.50"). */
export const AmountField = ({ source }: { source: string; label?: string }) => {
  const value = useFieldValue({ source });
  if (typeof value !== 'number') return null;
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatPence(value)}
    </Typography>
  );
};
