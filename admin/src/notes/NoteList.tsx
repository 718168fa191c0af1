import {
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { InstantField } from '../common/fields';
import { noteKindChoices } from './noteChoices';
import { EmptyState } from '../common/EmptyState';

const filters = [
  <ReferenceInput key="pactId" source="pactId" reference="pacts" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={noteKindChoices} />,
];

export const NoteList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'occurredAt', order: 'DESC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="occurredAt" field={InstantField} />
      <DataTable.Col source="pactId">
        <ReferenceField source="pactId" reference="pacts" />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={noteKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="authorId">
        <ReferenceField source="authorId" reference="users" />
      </DataTable.Col>
      <DataTable.Col source="body" disableSort />
    </DataTable>
  </List>
);
