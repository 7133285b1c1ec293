import { AutocompleteInput, FormDataConsumer, ReferenceInput, required } from 'react-admin';
import type { User } from './user';

/** The force of a police partner account: shown, and required, only for that role. */
export const UserForceInput = () => (
  <FormDataConsumer<User>>
    {({ formData }) =>
      formData.role === 'POLICE_PARTNER' ? (
        <ReferenceInput source="force.id" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
          <AutocompleteInput
            label="resources.users.fields.force"
            helperText="lantern.users.force_help"
            validate={required()}
          />
        </ReferenceInput>
      ) : null
    }
  </FormDataConsumer>
);
