import {
  AutocompleteInput,
  DateTimeInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { noteKindChoices } from './noteChoices';

export const NoteCreate = () => (
  <CreatePage>
    <SimpleForm defaultValues={() => ({ kind: 'NOTE', occurredAt: new Date() })}>
      <ReferenceInput source="pactId" reference="pacts">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <SelectInput source="kind" choices={noteKindChoices} validate={required()} />
      <DateTimeInput source="occurredAt" validate={required()} />
      <TextInput source="body" multiline minRows={4} validate={required()} />
    </SimpleForm>
  </CreatePage>
);
