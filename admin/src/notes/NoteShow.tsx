import { ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { InstantField } from '../common/fields';
import { noteKindChoices } from './noteChoices';

export const NoteShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="pactId" reference="pacts" />
      <InstantField source="occurredAt" />
      <SelectField source="kind" choices={noteKindChoices} />
      <ReferenceField source="authorId" reference="users" />
      <TextField source="body" />
      <InstantField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
