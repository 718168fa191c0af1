import type { User } from '@generattivi/shared';
import PeopleIcon from '@mui/icons-material/People';
import { lazyPage } from '../common/lazyPage';

const UserList = lazyPage(() => import('./UserList'), 'UserList');
const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyPage(() => import('./UserEdit'), 'UserEdit');
const UserShow = lazyPage(() => import('./UserShow'), 'UserShow');

export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: (user: User) => user.fullName,
};
