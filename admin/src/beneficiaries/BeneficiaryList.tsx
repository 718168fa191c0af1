import { EMPLOYMENT_STATUSES } from '@generattivi/shared';
import {
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { CalendarDateField } from '../common/fields';
import { EmptyState } from '../common/EmptyState';

const employmentChoices = enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus');

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="territoryId" source="territoryId" reference="territories" />,
  <SelectInput key="employmentStatus" source="employmentStatus" choices={employmentChoices} />,
];

export const BeneficiaryList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'lastName', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="lastName" />
      <DataTable.Col source="firstName" />
      <DataTable.Col source="fiscalCode" disableSort />
      <DataTable.Col source="birthDate" field={CalendarDateField} />
      <DataTable.Col source="territoryId">
        <ReferenceField source="territoryId" reference="territories" />
      </DataTable.Col>
      <DataTable.Col source="municipality" />
      <DataTable.Col source="employmentStatus">
        <SelectField source="employmentStatus" choices={employmentChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
