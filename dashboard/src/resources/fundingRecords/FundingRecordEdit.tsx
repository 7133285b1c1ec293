import { DeleteButton, Edit, SaveButton, Toolbar } from 'react-admin';
import { FundingRecordForm } from './FundingRecordForm';

const FundingEditToolbar = () => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" confirmTitle="lantern.funding.delete_title" confirmContent="lantern.funding.delete_content" />
  </Toolbar>
);

/** Pessimistic: the server checks the year, the amount and the funder, and says so at once. */
export const FundingRecordEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <FundingRecordForm toolbar={<FundingEditToolbar />} />
  </Edit>
);
