import { DataTable, SelectInput } from 'react-admin';
import { InstantField } from '../common/fields';
import { ChoiceCol, pactFilter, ReferenceCol, ResourceList } from '../common/lists';
import { noteKindChoices } from './noteChoices';

const filters = [pactFilter, <SelectInput key="kind" source="kind" choices={noteKindChoices} />];

export const NoteList = () => (
  <ResourceList filters={filters} sort={{ field: 'occurredAt', order: 'DESC' }}>
    <DataTable.Col source="occurredAt" field={InstantField} />
    <ReferenceCol source="pactId" reference="pacts" />
    <ChoiceCol source="kind" choices={noteKindChoices} />
    <ReferenceCol source="authorId" reference="users" />
    <DataTable.Col source="body" disableSort />
  </ResourceList>
);
