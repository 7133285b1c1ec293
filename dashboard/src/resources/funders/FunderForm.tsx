import { AutocompleteInput, FormDataConsumer, ReferenceInput, SelectInput, SimpleForm, TextInput, required, type SimpleFormProps } from 'react-admin';
import { funderKindChoices, type Funder } from './funder';

/**
 * A funder (FunderInput): its kind; for a police force, which force (its name is then the force's
 * unless another is given); otherwise its name. Sources follow the input's names (`force.id` for
 * `forceId`), so a server error naming a field marks its input.
 */
export const FunderForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm {...props}>
    <SelectInput source="kind" choices={funderKindChoices} validate={required()} />
    <FormDataConsumer<Funder>>
      {({ formData }) =>
        formData.kind === 'POLICE_FORCE' ? (
          <ReferenceInput source="force.id" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
            <AutocompleteInput label="resources.funders.fields.force" validate={required()} />
          </ReferenceInput>
        ) : null
      }
    </FormDataConsumer>
    <FormDataConsumer<Funder>>
      {({ formData }) => (
        <TextInput
          source="name"
          validate={formData.kind === 'POLICE_FORCE' ? undefined : required()}
          helperText={formData.kind === 'POLICE_FORCE' ? 'lantern.funders.name_help_force' : false}
        />
      )}
    </FormDataConsumer>
  </SimpleForm>
);
