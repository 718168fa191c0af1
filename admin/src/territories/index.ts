import type { Territory } from '@generattivi/shared';
import MapIcon from '@mui/icons-material/Map';
import { TerritoryCreate } from './TerritoryCreate';
import { TerritoryEdit } from './TerritoryEdit';
import { TerritoryList } from './TerritoryList';
import { TerritoryShow } from './TerritoryShow';

export default {
  list: TerritoryList,
  show: TerritoryShow,
  edit: TerritoryEdit,
  create: TerritoryCreate,
  icon: MapIcon,
  recordRepresentation: (territory: Territory) => territory.name,
};
