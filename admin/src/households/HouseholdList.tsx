import { BooleanField, BooleanInput, DataTable } from 'react-admin';
import { ReferenceCol, ResourceList, searchFilter, territoryFilter } from '../common/lists';
import { EURO } from './euro';

const filters = [
  searchFilter,
  territoryFilter,
  <BooleanInput key="vulnerable" source="vulnerable" />,
];

export const HouseholdList = () => (
  <ResourceList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable.Col source="name" />
    <ReferenceCol source="territoryId" reference="territories" />
    <DataTable.Col source="municipality" />
    <DataTable.NumberCol source="membersCount" />
    <DataTable.NumberCol source="iseeEur" locales="it-IT" options={EURO} />
    <DataTable.Col source="vulnerable" field={BooleanField} />
  </ResourceList>
);
