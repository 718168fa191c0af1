import { ReferenceArrayInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';

export const CommunityLabInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <ReferenceInput source="territoryId" reference="territories">
      <SelectInput validate={required()} />
    </ReferenceInput>
    <TextInput source="description" multiline minRows={3} />
    <ReferenceArrayInput
      source="communityMakerIds"
      reference="users"
      filter={{ role: 'COMMUNITY_MAKER' }}
    />
  </>
);
