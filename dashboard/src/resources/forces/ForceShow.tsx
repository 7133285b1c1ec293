import { SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { nationChoices } from './force';

export const ForceShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="nation" choices={nationChoices} />
      <TextField source="region" />
    </SimpleShowLayout>
  </Show>
);
