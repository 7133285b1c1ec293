import CampaignIcon from '@mui/icons-material/Campaign';
import { AlertCreate } from './AlertCreate';
import { AlertEdit } from './AlertEdit';
import { AlertList } from './AlertList';
import { AlertShow } from './AlertShow';
import { alertRepresentation } from './alert';

// Review, publication and withdrawal are buttons on the alert's page (AlertActions);
// "Submit for review" is with the re-identification findings (AlertFindings).
export default {
  list: AlertList,
  show: AlertShow,
  edit: AlertEdit,
  create: AlertCreate,
  icon: CampaignIcon,
  recordRepresentation: alertRepresentation,
};
