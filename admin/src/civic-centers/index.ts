import type { CivicCenter } from '@generattivi/shared';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import { lazyPage } from '../common/lazyPage';

const CivicCenterList = lazyPage(() => import('./CivicCenterList'), 'CivicCenterList');
const CivicCenterCreate = lazyPage(() => import('./CivicCenterCreate'), 'CivicCenterCreate');
const CivicCenterEdit = lazyPage(() => import('./CivicCenterEdit'), 'CivicCenterEdit');
const CivicCenterShow = lazyPage(() => import('./CivicCenterShow'), 'CivicCenterShow');

export default {
  list: CivicCenterList,
  show: CivicCenterShow,
  edit: CivicCenterEdit,
  create: CivicCenterCreate,
  icon: LocationCityIcon,
  recordRepresentation: (center: CivicCenter) => center.name,
};
