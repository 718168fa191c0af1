import { DataTable, List, ReferenceField, ReferenceInput, SearchInput } from 'react-admin';
import { EmptyState } from '../common/EmptyState';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="territoryId" source="territoryId" reference="territories" />,
];

export const CivicCenterList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="name" />
      <DataTable.Col source="territoryId">
        <ReferenceField source="territoryId" reference="territories" />
      </DataTable.Col>
      <DataTable.NumberCol source="childrenReached" />
      <DataTable.NumberCol source="adultsReached" />
    </DataTable>
  </List>
);
