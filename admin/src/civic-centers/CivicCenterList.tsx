import { DataTable } from 'react-admin';
import { ReferenceCol, ResourceList, searchFilter, territoryFilter } from '../common/lists';

export const CivicCenterList = () => (
  <ResourceList filters={[searchFilter, territoryFilter]} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable.Col source="name" />
    <ReferenceCol source="territoryId" reference="territories" />
    <DataTable.NumberCol source="childrenReached" />
    <DataTable.NumberCol source="adultsReached" />
  </ResourceList>
);
