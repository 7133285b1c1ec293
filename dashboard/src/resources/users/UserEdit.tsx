import { BooleanInput, Edit, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, email, required } from 'react-admin';
import { DeactivateButton } from './DeactivateButton';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserForceInput } from './UserForceInput';
import { editableRoleChoices, forceOnlyForPolice } from './user';

const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
    <DeactivateButton />
  </Toolbar>
);

/** Pessimistic: the server validates (unique email, force rules), and its answer is shown at once. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={forceOnlyForPolice}>
    <SimpleForm toolbar={<UserEditToolbar />}>
      <TextInput source="name" autoComplete="off" validate={required()} />
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <SelectInput source="role" choices={editableRoleChoices} validate={required()} />
      <UserForceInput />
      <BooleanInput source="active" />
    </SimpleForm>
    <ResetPasswordForm />
  </Edit>
);
