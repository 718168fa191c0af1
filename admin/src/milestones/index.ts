import type { Milestone } from '@generattivi/shared';
import FlagIcon from '@mui/icons-material/Flag';
import { lazyPage } from '../common/lazyPage';

const MilestoneList = lazyPage(() => import('./MilestoneList'), 'MilestoneList');
const MilestoneCreate = lazyPage(() => import('./MilestoneCreate'), 'MilestoneCreate');
const MilestoneEdit = lazyPage(() => import('./MilestoneEdit'), 'MilestoneEdit');
const MilestoneShow = lazyPage(() => import('./MilestoneShow'), 'MilestoneShow');

export default {
  list: MilestoneList,
  show: MilestoneShow,
  edit: MilestoneEdit,
  create: MilestoneCreate,
  icon: FlagIcon,
  recordRepresentation: (milestone: Milestone) => milestone.title,
};
