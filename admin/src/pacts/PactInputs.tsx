import { Typography } from '@mui/material';
import { endsAfterStart } from '@generattivi/shared';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  DateInput,
  maxLength,
  minLength,
  ReferenceInput,
  required,
  TextInput,
  useTranslate,
} from 'react-admin';

/** The planned end must follow the start (the server checks it too). */
const endAfterStart = (value: unknown, values: { startDate?: string | null }) =>
  endsAfterStart(values.startDate, value) ? undefined : 'app.pacts.end_after_start';

const Heading = ({ children }: { children: string }) => (
  <Typography variant="h6" component="h2" sx={{ mt: 2, mb: 1 }}>
    {children}
  </Typography>
);

/**
 * What create and edit share: the programme (title, objectives, commitments), the
 * laboratory of the pact's territory and the dates. Type, territory and the person or
 * household are chosen at creation; status changes only through transitions.
 */
export const PactInputs = () => {
  const translate = useTranslate();
  const territoryId = useWatch({ name: 'territoryId' }) as number | undefined;
  return (
    <>
      <Heading>{translate('app.pacts.section_programme')}</Heading>
      <TextInput source="title" validate={[required(), minLength(3), maxLength(200)]} />
      <TextInput source="objectives" multiline minRows={3} />
      <TextInput source="citizenCommitments" multiline minRows={3} />
      <TextInput source="communityCommitments" multiline minRows={3} />
      <ReferenceInput
        source="communityLabId"
        reference="community-labs"
        filter={territoryId ? { territoryId } : {}}
        sort={{ field: 'name', order: 'ASC' }}
      >
        <AutocompleteInput filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <Heading>{translate('app.pacts.section_dates')}</Heading>
      <DateInput source="startDate" />
      <DateInput source="plannedEndDate" validate={endAfterStart} />
    </>
  );
};
