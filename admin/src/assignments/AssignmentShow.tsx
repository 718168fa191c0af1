import { ReferenceField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import { InstantField } from '../common/fields';

export const AssignmentShow = () => (
  <ShowPage>
    <ReferenceField source="pactId" reference="pacts" />
    <ReferenceField source="communityMakerId" reference="users" />
    <InstantField source="startedAt" />
    <InstantField source="endedAt" />
    <ReferenceField source="assignedById" reference="users" />
    <TextField source="reason" />
  </ShowPage>
);
