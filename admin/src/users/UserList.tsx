import {
  BooleanField,
  ChipField,
  DataTable,
  EmailField,
  List,
  ReferenceArrayField,
  SearchInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { roleChoices } from './roleChoices';
import { EmptyState } from '../common/EmptyState';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
];

export const UserList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'fullName', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="fullName" />
      <DataTable.Col source="email" field={EmailField} />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="territoryIds" disableSort>
        <ReferenceArrayField source="territoryIds" reference="territories">
          <ChipField source="name" size="small" />
        </ReferenceArrayField>
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
