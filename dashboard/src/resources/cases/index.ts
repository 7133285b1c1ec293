import FolderSharedIcon from '@mui/icons-material/FolderShared';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';
import { caseRepresentation } from './case';

// No create or edit view: a case is opened from its report ("Open a case", openCase) and
// changes through the actions on its page.
export default {
  list: CaseList,
  show: CaseShow,
  icon: FolderSharedIcon,
  recordRepresentation: caseRepresentation,
};
