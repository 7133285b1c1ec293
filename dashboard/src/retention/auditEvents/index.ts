import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import { AuditEventList } from './AuditEventList';

// Read-only: the audit trail is append-only (the database refuses any change).
export default {
  list: AuditEventList,
  icon: HistoryEduIcon,
  recordRepresentation: 'action',
};
