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
  usePersonView,
} from '../common/lists';

const employmentChoices = enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus');

const employmentFilter = (
  <SelectInput key="employmentStatus" source="employmentStatus" choices={employmentChoices} />
);

/**
 * The columns and filters the role reads (shared `personViewOf`): a manager reads initials and
 * cannot search by name, a community maker reads no fiscal code; both the year of birth.
 */
export const BeneficiaryList = () => {
  const view = usePersonView();
  const filters =
    view.names === 'full'
      ? [searchFilter, territoryFilter, employmentFilter]
      : [territoryFilter, employmentFilter];
  return (
    <ResourceList filters={filters} sort={{ field: 'lastName', order: 'ASC' }}>
      <DataTable.Col source="lastName" />
      <DataTable.Col source="firstName" />
      {view.fiscalCode !== 'none' && <DataTable.Col source="fiscalCode" disableSort />}
      {view.birth === 'date' ? (
        <DataTable.Col source="birthDate" field={CalendarDateField} />
      ) : (
        <DataTable.Col source="birthYear" disableSort />
      )}
      <ReferenceCol source="territoryId" reference="territories" />
      <DataTable.Col source="municipality" />
      <ChoiceCol source="employmentStatus" choices={employmentChoices} />
    </ResourceList>
  );
};
