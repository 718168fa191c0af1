import { DateInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { pactTypeChoices } from './pactChoices';

/** AUTONOMY pacts need a beneficiary, INCLUSION pacts a household: the server checks which. */
export const PactInputs = () => (
  <>
    <SelectInput source="type" choices={pactTypeChoices} validate={required()} />
    <ReferenceInput source="territoryId" reference="territories">
      <SelectInput validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="beneficiaryId" reference="beneficiaries" />
    <ReferenceInput source="householdId" reference="households" />
    <ReferenceInput source="socialWorkerId" reference="users" filter={{ role: 'SOCIAL_WORKER' }} />
    <ReferenceInput
      source="communityMakerId"
      reference="users"
      filter={{ role: 'COMMUNITY_MAKER' }}
    />
    <ReferenceInput source="communityLabId" reference="community-labs" />
    <TextInput source="title" validate={required()} />
    <TextInput source="objectives" multiline minRows={3} />
    <TextInput source="citizenCommitments" multiline minRows={3} />
    <TextInput source="communityCommitments" multiline minRows={3} />
    <DateInput source="startDate" />
    <DateInput source="plannedEndDate" />
  </>
);
