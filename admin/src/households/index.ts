import type { Household } from '@generattivi/shared';
import HomeIcon from '@mui/icons-material/Home';
import { lazyPage } from '../common/lazyPage';

const HouseholdList = lazyPage(() => import('./HouseholdList'), 'HouseholdList');
const HouseholdCreate = lazyPage(() => import('./HouseholdCreate'), 'HouseholdCreate');
const HouseholdEdit = lazyPage(() => import('./HouseholdEdit'), 'HouseholdEdit');
const HouseholdShow = lazyPage(() => import('./HouseholdShow'), 'HouseholdShow');

export default {
  list: HouseholdList,
  show: HouseholdShow,
  edit: HouseholdEdit,
  create: HouseholdCreate,
  icon: HomeIcon,
  recordRepresentation: (household: Household) => household.name,
};
