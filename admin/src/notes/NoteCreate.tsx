import type { Pact } from '@generattivi/shared';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  DateTimeInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetOne,
  type Validator,
} from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { noteKindChoices } from './noteChoices';
import { occurredAtRefusal } from './occurredAt';

/**
 * When the note happened: now unless changed, never in the future nor before the chosen
 * pact was created (the server's NOT_FUTURE and NOT_BEFORE, said before sending).
 */
const OccurredAtInput = () => {
  const pactId = useWatch({ name: 'pactId' });
  const { data: pact } = useGetOne<Pact>('pacts', { id: pactId }, { enabled: !!pactId });
  const inPactTime: Validator = (value) => {
    const refusal = occurredAtRefusal(value, pact?.createdAt);
    return refusal
      ? { message: `app.error_codes.${refusal.code}`, args: refusal.params }
      : undefined;
  };
  return <DateTimeInput source="occurredAt" validate={[required(), inPactTime]} />;
};

export const NoteCreate = () => (
  <CreatePage>
    <SimpleForm
      warnWhenUnsavedChanges
      defaultValues={() => ({ kind: 'NOTE', occurredAt: new Date() })}
    >
      <ReferenceInput source="pactId" reference="pacts">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <SelectInput source="kind" choices={noteKindChoices} validate={required()} />
      <OccurredAtInput />
      <TextInput source="body" multiline minRows={4} validate={required()} />
    </SimpleForm>
  </CreatePage>
);
