import Diversity3Icon from '@mui/icons-material/Diversity3';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';

// Read-only here: members register themselves (registerMember) on the members' page.
export default {
  list: MemberList,
  show: MemberShow,
  icon: Diversity3Icon,
  recordRepresentation: 'pseudonym',
};
