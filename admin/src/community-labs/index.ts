import type { CommunityLab } from '@generattivi/shared';
import GroupsIcon from '@mui/icons-material/Groups';
import { lazyPage } from '../common/lazyPage';

const CommunityLabList = lazyPage(() => import('./CommunityLabList'), 'CommunityLabList');
const CommunityLabCreate = lazyPage(() => import('./CommunityLabCreate'), 'CommunityLabCreate');
const CommunityLabEdit = lazyPage(() => import('./CommunityLabEdit'), 'CommunityLabEdit');
const CommunityLabShow = lazyPage(() => import('./CommunityLabShow'), 'CommunityLabShow');

export default {
  list: CommunityLabList,
  show: CommunityLabShow,
  edit: CommunityLabEdit,
  create: CommunityLabCreate,
  icon: GroupsIcon,
  recordRepresentation: (lab: CommunityLab) => lab.name,
};
