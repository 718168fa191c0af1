import type { CommunityLab } from '@generattivi/shared';
import GroupsIcon from '@mui/icons-material/Groups';
import { CommunityLabCreate } from './CommunityLabCreate';
import { CommunityLabEdit } from './CommunityLabEdit';
import { CommunityLabList } from './CommunityLabList';
import { CommunityLabShow } from './CommunityLabShow';

export default {
  list: CommunityLabList,
  show: CommunityLabShow,
  edit: CommunityLabEdit,
  create: CommunityLabCreate,
  icon: GroupsIcon,
  recordRepresentation: (lab: CommunityLab) => lab.name,
};
