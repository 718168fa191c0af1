import {
  ReferenceArrayField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

export const CommunityLabShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="territoryId" reference="territories" />
      <TextField source="description" />
      <ReferenceArrayField source="communityMakerIds" reference="users" />
    </SimpleShowLayout>
  </Show>
);
