import { ReferenceField, SelectField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import { InstantField } from '../common/fields';
import { noteKindChoices } from './noteChoices';

export const NoteShow = () => (
  <ShowPage>
    <ReferenceField source="pactId" reference="pacts" />
    <InstantField source="occurredAt" />
    <SelectField source="kind" choices={noteKindChoices} />
    <ReferenceField source="authorId" reference="users" />
    <TextField source="body" />
    <InstantField source="createdAt" />
  </ShowPage>
);
