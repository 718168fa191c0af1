import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { InstantField } from '../common/fields';

export const AssignmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="pactId" reference="pacts" />
      <ReferenceField source="communityMakerId" reference="users" />
      <InstantField source="startedAt" />
      <InstantField source="endedAt" />
      <ReferenceField source="assignedById" reference="users" />
      <TextField source="reason" />
    </SimpleShowLayout>
  </Show>
);
