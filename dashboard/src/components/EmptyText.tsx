import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A quiet sentence where a list or a value is empty ("No notes yet."). */
export const EmptyText = ({ text }: { text: string; label?: string | false }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate(text)}
    </Typography>
  );
};
