import { DataTable, SelectInput } from 'react-admin';
import {
  ChoiceCol,
  ReferenceCol,
  ResourceList,
  searchFilter,
  territoryFilter,
} from '../common/lists';
import { pactTypeChoices } from '../pacts/pactChoices';

const typeFilter = <SelectInput key="type" source="type" choices={pactTypeChoices} />;

export const PactTemplateList = () => (
  <ResourceList
    filters={[searchFilter, typeFilter, territoryFilter]}
    sort={{ field: 'title', order: 'ASC' }}
  >
    <DataTable.Col source="title" />
    <ChoiceCol source="type" choices={pactTypeChoices} />
    <ReferenceCol source="territoryId" reference="territories" />
    <DataTable.NumberCol source="durationDays" />
  </ResourceList>
);
