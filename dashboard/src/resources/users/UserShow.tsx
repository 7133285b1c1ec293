import { BooleanField, DateField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from './user';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="force.id" reference="forces" link="show" label="resources.users.fields.force" emptyText="-" />
      <BooleanField source="active" />
      <DateField locales="en-GB" source="lastLoginAt" showTime emptyText="-" />
      <DateField locales="en-GB" source="deactivatedAt" showTime emptyText="-" />
      <DateField locales="en-GB" source="createdAt" showTime />
      <DateField locales="en-GB" source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
