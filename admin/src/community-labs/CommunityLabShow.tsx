import { ReferenceArrayField, ReferenceField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';

export const CommunityLabShow = () => (
  <ShowPage>
    <TextField source="name" />
    <ReferenceField source="territoryId" reference="territories" />
    <TextField source="description" />
    <ReferenceArrayField source="communityMakerIds" reference="users" />
  </ShowPage>
);
