import type { Territory } from '@generattivi/shared';
import MapIcon from '@mui/icons-material/Map';
import { lazyPage } from '../common/lazyPage';

const TerritoryList = lazyPage(() => import('./TerritoryList'), 'TerritoryList');
const TerritoryCreate = lazyPage(() => import('./TerritoryCreate'), 'TerritoryCreate');
const TerritoryEdit = lazyPage(() => import('./TerritoryEdit'), 'TerritoryEdit');
const TerritoryShow = lazyPage(() => import('./TerritoryShow'), 'TerritoryShow');

export default {
  list: TerritoryList,
  show: TerritoryShow,
  edit: TerritoryEdit,
  create: TerritoryCreate,
  icon: MapIcon,
  recordRepresentation: (territory: Territory) => territory.name,
};
