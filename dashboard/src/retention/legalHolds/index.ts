import GavelIcon from '@mui/icons-material/Gavel';
import { LegalHoldList } from './LegalHoldList';

// Placed from a member's, report's or case's page (LegalHoldPanel); listed and released here.
export default {
  list: LegalHoldList,
  icon: GavelIcon,
  recordRepresentation: 'reason',
};
