import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Choice } from '../providers/schema';

/**
 * A radio choice shown as its plain name with one line explaining it underneath; the line is the
 * translation of `<explainPrefix>.<choice id>`.
 */
export const ExplainedOption = ({ explainPrefix }: { explainPrefix: string }) => {
  const choice = useRecordContext<Choice>();
  const translate = useTranslate();
  if (!choice) return null;
  return (
    <Box sx={{ py: 0.5 }}>
      <Typography component="span" sx={{ display: 'block', fontWeight: 500 }}>
        {translate(choice.name)}
      </Typography>
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {translate(`${explainPrefix}.${choice.id}`)}
      </Typography>
    </Box>
  );
};
