import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { FunderCreate } from './FunderCreate';
import { FunderEdit } from './FunderEdit';
import { FunderList } from './FunderList';
import { FunderShow } from './FunderShow';

// Funders are never deleted: their funding records refer to them.
export default {
  list: FunderList,
  show: FunderShow,
  edit: FunderEdit,
  create: FunderCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
