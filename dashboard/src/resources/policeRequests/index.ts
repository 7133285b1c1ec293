import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import { PoliceRequestCreate } from './PoliceRequestCreate';
import { PoliceRequestList } from './PoliceRequestList';
import { PoliceRequestShow } from './PoliceRequestShow';
import { policeRequestRepresentation } from './policeRequest';

// No edit view: a case worker acts on a request with the buttons on its page ("Ask the
// member", "Answer", "Decline"). Police create them; managers read them.
export default {
  list: PoliceRequestList,
  show: PoliceRequestShow,
  create: PoliceRequestCreate,
  icon: QuestionAnswerIcon,
  recordRepresentation: policeRequestRepresentation,
};
