import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { createElement } from 'react';
import { lazyPage } from '../common/lazyPage';
import { AssignmentName } from './AssignmentName';

const AssignmentList = lazyPage(() => import('./AssignmentList'), 'AssignmentList');
const AssignmentShow = lazyPage(() => import('./AssignmentShow'), 'AssignmentShow');

/** The history of who followed each pact: written by the server when a maker is assigned, never edited. */
export default {
  list: AssignmentList,
  show: AssignmentShow,
  icon: AssignmentIndIcon,
  recordRepresentation: createElement(AssignmentName),
};
