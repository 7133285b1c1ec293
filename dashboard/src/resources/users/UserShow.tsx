import { BooleanField, DateField, EditButton, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, usePermissions } from 'react-admin';
import { ResetTwoFactorButton } from '../../account/ResetTwoFactorButton';
import { roleChoices } from './user';

/** Edit, and for an administrator: reset another account's two-factor sign-in. */
const UserShowActions = () => (
  <TopToolbar>
    <ResetTwoFactorButton />
    <EditButton />
  </TopToolbar>
);

export const UserShow = () => {
  const { permissions } = usePermissions();
  return (
    <Show actions={<UserShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <SelectField source="role" choices={roleChoices} />
        <ReferenceField source="force.id" reference="forces" link="show" label="resources.users.fields.force" emptyText="-" />
        <BooleanField source="active" />
        {/* administrators only: the server refuses it to other staff */}
        {permissions === 'ADMIN' ? <BooleanField source="twoFactorEnabled" /> : null}
        <DateField locales="en-GB" source="lastLoginAt" showTime emptyText="-" />
        <DateField locales="en-GB" source="deactivatedAt" showTime emptyText="-" />
        <DateField locales="en-GB" source="createdAt" showTime />
        <DateField locales="en-GB" source="updatedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
};
