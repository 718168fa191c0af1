import { DataTable } from 'react-admin';
import {
  ReferenceChipsCol,
  ReferenceCol,
  ResourceList,
  searchFilter,
  territoryFilter,
} from '../common/lists';

export const CommunityLabList = () => (
  <ResourceList filters={[searchFilter, territoryFilter]} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable.Col source="name" />
    <ReferenceCol source="territoryId" reference="territories" />
    <ReferenceChipsCol source="communityMakerIds" reference="users" chip="fullName" />
  </ResourceList>
);
