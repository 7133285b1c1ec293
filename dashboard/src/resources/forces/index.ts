import LocalPoliceIcon from '@mui/icons-material/LocalPolice';
import { ForceList } from './ForceList';
import { ForceShow } from './ForceShow';

export default {
  list: ForceList,
  show: ForceShow,
  icon: LocalPoliceIcon,
  recordRepresentation: 'name',
};
