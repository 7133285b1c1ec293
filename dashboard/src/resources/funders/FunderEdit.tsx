import { Edit } from 'react-admin';
import { FunderForm } from './FunderForm';
import { forceOnlyForPoliceFunder } from './funder';

/** Pessimistic: the server checks the name and the force are not taken, and says so at once. */
export const FunderEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={forceOnlyForPoliceFunder}>
    <FunderForm />
  </Edit>
);
