import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, email, required } from 'react-admin';
import { UserForceInput } from './UserForceInput';
import { assignableRoleChoices, forceOnlyForPolice } from './user';

export const UserCreate = () => (
  <Create redirect="show" transform={forceOnlyForPolice}>
    <SimpleForm>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <TextInput source="name" autoComplete="off" validate={required()} />
      <SelectInput source="role" choices={assignableRoleChoices} validate={required()} />
      <PasswordInput source="password" autoComplete="new-password" validate={required()} />
      <UserForceInput />
    </SimpleForm>
  </Create>
);
