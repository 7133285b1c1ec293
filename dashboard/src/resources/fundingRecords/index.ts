import PaymentsIcon from '@mui/icons-material/Payments';
import { FundingRecordCreate } from './FundingRecordCreate';
import { FundingRecordEdit } from './FundingRecordEdit';
import { FundingRecordList } from './FundingRecordList';
import { FundingRecordShow } from './FundingRecordShow';
import { fundingRecordRepresentation } from './fundingRecord';

// Delete (deleteFundingRecord) is on the record's page and in its editor, for managers.
export default {
  list: FundingRecordList,
  show: FundingRecordShow,
  edit: FundingRecordEdit,
  create: FundingRecordCreate,
  icon: PaymentsIcon,
  recordRepresentation: fundingRecordRepresentation,
};
