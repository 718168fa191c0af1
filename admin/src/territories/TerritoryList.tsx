import { DataTable, List, TextArrayField } from 'react-admin';
import { EmptyState } from '../common/EmptyState';

export const TerritoryList = () => (
  <List empty={<EmptyState />} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="municipalities" field={TextArrayField} disableSort />
    </DataTable>
  </List>
);
