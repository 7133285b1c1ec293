import { Create } from 'react-admin';
import { FunderForm } from './FunderForm';
import { forceOnlyForPoliceFunder } from './funder';

/** A manager adds a funder (createFunder). */
export const FunderCreate = () => (
  <Create redirect="show" transform={forceOnlyForPoliceFunder}>
    <FunderForm defaultValues={{ kind: 'POLICE_FORCE' }} />
  </Create>
);
