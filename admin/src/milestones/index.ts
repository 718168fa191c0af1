import type { Milestone } from '@generattivi/shared';
import FlagIcon from '@mui/icons-material/Flag';
import { MilestoneCreate } from './MilestoneCreate';
import { MilestoneEdit } from './MilestoneEdit';
import { MilestoneList } from './MilestoneList';
import { MilestoneShow } from './MilestoneShow';

export default {
  list: MilestoneList,
  show: MilestoneShow,
  edit: MilestoneEdit,
  create: MilestoneCreate,
  icon: FlagIcon,
  recordRepresentation: (milestone: Milestone) => milestone.title,
};
