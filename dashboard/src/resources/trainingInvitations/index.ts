import MailOutlineIcon from '@mui/icons-material/MailOutline';
import { TrainingInvitationCreate } from './TrainingInvitationCreate';
import { TrainingInvitationList } from './TrainingInvitationList';
import { TrainingInvitationShow } from './TrainingInvitationShow';
import { invitationRepresentation } from './trainingInvitation';

// No edit view: an invitation moves on ("Accepted", "Declined", "Trained") with the button on
// its row and its page (moveTrainingInvitation), dated.
export default {
  list: TrainingInvitationList,
  show: TrainingInvitationShow,
  create: TrainingInvitationCreate,
  icon: MailOutlineIcon,
  recordRepresentation: invitationRepresentation,
};
