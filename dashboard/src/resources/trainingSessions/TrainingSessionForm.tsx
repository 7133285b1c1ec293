import { Box } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  BooleanInput,
  DateInput,
  NumberInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  minValue,
  number,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { Section } from '../../components/Section';
import { trainingFormatChoices } from './trainingSession';

const wholeNumber = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(Number(value)) ? undefined : 'lantern.training.whole_number';

const officersValidators = [required(), number(), minValue(0), wholeNumber];

/**
 * A training session (TrainingSessionInput). Sources follow the input's names (`forceIds`,
 * `trainers.0.name`), so a server error naming a field marks its input.
 */
export const TrainingSessionForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm {...props}>
    <Section title="lantern.training.form.when_where">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <DateInput source="date" validate={required()} />
        <SelectInput source="format" choices={trainingFormatChoices} validate={required()} sx={{ minWidth: 200 }} />
        <TextInput source="location" sx={{ minWidth: 280 }} helperText="lantern.training.form.location_help" />
      </Box>
      <TextInput source="programme" validate={required()} helperText="lantern.training.form.programme_help" />
    </Section>
    <Section title="lantern.training.form.who" help="lantern.training.form.who_help">
      <ReferenceArrayInput source="forceIds" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={60}>
        <AutocompleteArrayInput label="resources.trainingSessions.fields.forceIds" validate={required()} helperText="lantern.training.form.forces_help" />
      </ReferenceArrayInput>
      <NumberInput source="officersAttending" validate={officersValidators} min={0} step={1} sx={{ maxWidth: 240 }} />
    </Section>
    <Section title="lantern.training.form.trainers" help="lantern.training.form.trainers_help">
      <ArrayInput source="trainers" label={false}>
        <SimpleFormIterator inline disableReordering>
          <TextInput source="name" label="lantern.training.form.trainer_name" validate={required()} helperText={false} />
          <BooleanInput source="expertByExperience" label="lantern.training.form.trainer_expert" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </Section>
    <TextInput source="notes" multiline minRows={2} />
  </SimpleForm>
);
