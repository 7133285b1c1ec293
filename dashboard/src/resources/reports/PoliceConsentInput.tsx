import { Box, Typography } from '@mui/material';
import { RadioButtonGroupInput, required, useRecordContext, useTranslate } from 'react-admin';
import type { Choice } from '../../providers/schema';
import { orderedPoliceConsentChoices } from './report';

/** One police consent level: its plain name, and one line on what it means for the member. */
const PoliceConsentOption = () => {
  const choice = useRecordContext<Choice>();
  const translate = useTranslate();
  if (!choice) return null;
  return (
    <Box sx={{ py: 0.5 }}>
      <Typography component="span" sx={{ display: 'block', fontWeight: 500 }}>
        {translate(choice.name)}
      </Typography>
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {translate(`lantern.reports.consent_explain.${choice.id}`)}
      </Typography>
    </Box>
  );
};

/** Police consent: None / Anonymous intelligence / Full, each explained, one under the other. */
export const PoliceConsentInput = ({ source = 'consent.police' }: { source?: string }) => (
  <RadioButtonGroupInput
    source={source}
    label="resources.reports.fields.consent.police"
    choices={orderedPoliceConsentChoices}
    optionText={<PoliceConsentOption />}
    row={false}
    validate={required()}
  />
);
