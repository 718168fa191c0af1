import { ReferenceArrayInput, TextInput } from 'react-admin';
import { NameAndTerritoryInputs } from '../common/TerritoryInput';

export const CommunityLabInputs = () => (
  <>
    <NameAndTerritoryInputs />
    <TextInput source="description" multiline minRows={3} />
    <ReferenceArrayInput
      source="communityMakerIds"
      reference="users"
      filter={{ role: 'COMMUNITY_MAKER' }}
    />
  </>
);
