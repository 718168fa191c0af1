import { EMPLOYMENT_STATUSES } from '@generattivi/shared';
import { DataTable, SelectInput } from 'react-admin';
import { enumChoices } from '../common/choices';
import { CalendarDateField } from '../common/fields';
import {
  ChoiceCol,
  ReferenceCol,
  ResourceList,
  searchFilter,
  territoryFilter,
} from '../common/lists';

const employmentChoices = enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus');

const filters = [
  searchFilter,
  territoryFilter,
  <SelectInput key="employmentStatus" source="employmentStatus" choices={employmentChoices} />,
];

export const BeneficiaryList = () => (
  <ResourceList filters={filters} sort={{ field: 'lastName', order: 'ASC' }}>
    <DataTable.Col source="lastName" />
    <DataTable.Col source="firstName" />
    <DataTable.Col source="fiscalCode" disableSort />
    <DataTable.Col source="birthDate" field={CalendarDateField} />
    <ReferenceCol source="territoryId" reference="territories" />
    <DataTable.Col source="municipality" />
    <ChoiceCol source="employmentStatus" choices={employmentChoices} />
  </ResourceList>
);
