import BlockIcon from '@mui/icons-material/Block';
import { DeleteWithConfirmButton, useRecordContext } from 'react-admin';
import type { User } from './user';

/**
 * react-admin's delete, which the data provider maps to deactivateUser: the account stays, it
 * just can no longer sign in. Shown only for an active account (and, through canAccess, to ADMIN).
 */
export const DeactivateButton = () => {
  const record = useRecordContext<User>();
  if (!record?.active) return null;
  return (
    <DeleteWithConfirmButton
      label="lantern.users.deactivate.action"
      icon={<BlockIcon />}
      mutationMode="pessimistic"
      confirmTitle="lantern.users.deactivate.confirm_title"
      confirmContent="lantern.users.deactivate.confirm_content"
      confirmColor="warning"
      successMessage="lantern.users.deactivate.done"
      redirect="list"
    />
  );
};
