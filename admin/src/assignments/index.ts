import type { Assignment } from '@generattivi/shared';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { AssignmentList } from './AssignmentList';
import { AssignmentShow } from './AssignmentShow';

/** The history of who followed each pact: written by the server when a maker is assigned, never edited. */
export default {
  list: AssignmentList,
  show: AssignmentShow,
  icon: AssignmentIndIcon,
  recordRepresentation: (assignment: Assignment) => `#${assignment.id}`,
};
