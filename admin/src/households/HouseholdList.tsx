import { BooleanField, BooleanInput, DataTable } from 'react-admin';
import {
  ReferenceCol,
  ResourceList,
  searchFilter,
  territoryFilter,
  usePersonView,
} from '../common/lists';
import { EURO } from './euro';

const vulnerableFilter = <BooleanInput key="vulnerable" source="vulnerable" />;

/** A manager reads households' names as initials: no search by name. */
export const HouseholdList = () => {
  const view = usePersonView();
  const filters =
    view.names === 'full'
      ? [searchFilter, territoryFilter, vulnerableFilter]
      : [territoryFilter, vulnerableFilter];
  return (
    <ResourceList filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable.Col source="name" />
      <ReferenceCol source="territoryId" reference="territories" />
      <DataTable.Col source="municipality" />
      <DataTable.NumberCol source="membersCount" />
      <DataTable.NumberCol source="iseeEur" locales="it-IT" options={EURO} />
      <DataTable.Col source="vulnerable" field={BooleanField} />
    </ResourceList>
  );
};
