import {
  BooleanField,
  BooleanInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
} from 'react-admin';
import { EURO } from './euro';
import { EmptyState } from '../common/EmptyState';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="territoryId" source="territoryId" reference="territories" />,
  <BooleanInput key="vulnerable" source="vulnerable" />,
];

export const HouseholdList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="name" />
      <DataTable.Col source="territoryId">
        <ReferenceField source="territoryId" reference="territories" />
      </DataTable.Col>
      <DataTable.Col source="municipality" />
      <DataTable.NumberCol source="membersCount" />
      <DataTable.NumberCol source="iseeEur" locales="it-IT" options={EURO} />
      <DataTable.Col source="vulnerable" field={BooleanField} />
    </DataTable>
  </List>
);
