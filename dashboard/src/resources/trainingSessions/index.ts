import SchoolIcon from '@mui/icons-material/School';
import { TrainingSessionCreate } from './TrainingSessionCreate';
import { TrainingSessionEdit } from './TrainingSessionEdit';
import { TrainingSessionList } from './TrainingSessionList';
import { TrainingSessionShow } from './TrainingSessionShow';
import { trainingSessionRepresentation } from './trainingSession';

// "Record feedback" (recordTrainingFeedback) is on the session's page, for managers.
export default {
  list: TrainingSessionList,
  show: TrainingSessionShow,
  edit: TrainingSessionEdit,
  create: TrainingSessionCreate,
  icon: SchoolIcon,
  recordRepresentation: trainingSessionRepresentation,
};
