import { BooleanField, DataTable, EmailField, SelectInput } from 'react-admin';
import { ChoiceCol, ReferenceChipsCol, ResourceList, searchFilter } from '../common/lists';
import { roleChoices } from './roleChoices';

const filters = [searchFilter, <SelectInput key="role" source="role" choices={roleChoices} />];

export const UserList = () => (
  <ResourceList filters={filters} sort={{ field: 'fullName', order: 'ASC' }}>
    <DataTable.Col source="fullName" />
    <DataTable.Col source="email" field={EmailField} />
    <ChoiceCol source="role" choices={roleChoices} />
    <ReferenceChipsCol source="territoryIds" reference="territories" chip="name" />
    <DataTable.Col source="active" field={BooleanField} />
  </ResourceList>
);
