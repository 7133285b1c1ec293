import { AutocompleteInput, Create, DateInput, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';
import { todayInLondon } from '../reports/report';

/**
 * A manager invites a force to a programme (createTrainingInvitation). Sources follow the input's
 * names (`force.id` for `forceId`): the server's "already invited" marks the force.
 */
export const TrainingInvitationCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ invitedOn: todayInLondon() }}>
      <ReferenceInput source="force.id" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={60}>
        <AutocompleteInput label="resources.trainingInvitations.fields.force" validate={required()} />
      </ReferenceInput>
      <TextInput source="programme" validate={required()} helperText="lantern.training.form.programme_help" />
      <DateInput source="invitedOn" validate={required()} />
      <TextInput source="notes" multiline minRows={2} />
    </SimpleForm>
  </Create>
);
