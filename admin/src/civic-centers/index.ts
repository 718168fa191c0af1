import type { CivicCenter } from '@generattivi/shared';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import { CivicCenterCreate } from './CivicCenterCreate';
import { CivicCenterEdit } from './CivicCenterEdit';
import { CivicCenterList } from './CivicCenterList';
import { CivicCenterShow } from './CivicCenterShow';

export default {
  list: CivicCenterList,
  show: CivicCenterShow,
  edit: CivicCenterEdit,
  create: CivicCenterCreate,
  icon: LocationCityIcon,
  recordRepresentation: (center: CivicCenter) => center.name,
};
