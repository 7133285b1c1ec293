import { ExplainedOption } from '../../components/ExplainedOption';
import { Box, Typography } from '@mui/material';
import {
  Create,
  FormDataConsumer,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { identifierKindChoices } from '../reports/report';
import { policeRequestKindChoices } from './policeRequest';

const CreateHelp = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      {translate('lantern.police_requests.create_help')}
    </Typography>
  );
};

/** An identifier goes with a request about an identifier only. */
const withoutStrayIdentifier = (data: Record<string, unknown>) =>
  data.kind === 'IDENTIFIER_INTELLIGENCE' ? data : { ...data, identifierKind: null, identifierValue: null };

/**
 * An officer asks the charity (createPoliceRequest): for intelligence on an identifier or an
 * incident, or for an alert. Their force is their account's; a case worker answers.
 */
export const PoliceRequestCreate = () => (
  <Create redirect="show" transform={withoutStrayIdentifier}>
    <SimpleForm>
      <CreateHelp />
      <RadioButtonGroupInput
        source="kind"
        choices={policeRequestKindChoices}
        optionText={<ExplainedOption explainPrefix="lantern.police_requests.kind_explain" />}
        row={false}
        validate={required()}
      />
      <FormDataConsumer<{ kind?: string }>>
        {({ formData }) =>
          formData.kind === 'IDENTIFIER_INTELLIGENCE' ? (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%' }}>
              <SelectInput
                source="identifierKind"
                choices={identifierKindChoices}
                validate={required()}
                sx={{ minWidth: 240 }}
                fullWidth={false}
              />
              <TextInput
                source="identifierValue"
                validate={required()}
                helperText="lantern.police_requests.identifier_help"
                sx={{ minWidth: 280 }}
                fullWidth={false}
              />
            </Box>
          ) : null
        }
      </FormDataConsumer>
      <TextInput
        source="question"
        multiline
        minRows={4}
        validate={required()}
        helperText="lantern.police_requests.question_help"
      />
      <TextInput source="crimeReference" helperText="lantern.police_requests.crime_reference_help" />
    </SimpleForm>
  </Create>
);
