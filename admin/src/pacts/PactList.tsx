import {
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { CalendarDateField } from '../common/fields';
import { PERCENT, pactStatusChoices, pactTypeChoices } from './pactChoices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={pactStatusChoices} />,
  <SelectInput key="type" source="type" choices={pactTypeChoices} />,
  <ReferenceInput key="territoryId" source="territoryId" reference="territories" />,
  <ReferenceInput
    key="communityMakerId"
    source="communityMakerId"
    reference="users"
    filter={{ role: 'COMMUNITY_MAKER' }}
  />,
];

export const PactList = () => (
  <List filters={filters} sort={{ field: 'startDate', order: 'DESC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="reference" />
      <DataTable.Col source="type">
        <SelectField source="type" choices={pactTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="status">
        <SelectField source="status" choices={pactStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="territoryId">
        <ReferenceField source="territoryId" reference="territories" />
      </DataTable.Col>
      <DataTable.Col source="communityMakerId">
        <ReferenceField source="communityMakerId" reference="users" />
      </DataTable.Col>
      <DataTable.NumberCol source="progress" locales="it-IT" options={PERCENT} />
      <DataTable.Col source="startDate" field={CalendarDateField} />
      <DataTable.Col source="plannedEndDate" field={CalendarDateField} />
    </DataTable>
  </List>
);
