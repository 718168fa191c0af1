import { DataTable, List, TextArrayField } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { ResponsiveTable } from '../common/lists';

export const TerritoryList = () => (
  <List empty={<EmptyState />} sort={{ field: 'name', order: 'ASC' }}>
    <ResponsiveTable rowClick="show">
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="municipalities" field={TextArrayField} disableSort />
    </ResponsiveTable>
  </List>
);
