import { DataTable, List, TextArrayField } from 'react-admin';

export const TerritoryList = () => (
  <List sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="municipalities" field={TextArrayField} disableSort />
    </DataTable>
  </List>
);
