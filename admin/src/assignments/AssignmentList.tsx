import { DataTable, ReferenceInput } from 'react-admin';
import { InstantField } from '../common/fields';
import { pactFilter, ReferenceCol, ResourceList } from '../common/lists';

const filters = [
  pactFilter,
  <ReferenceInput
    key="communityMakerId"
    source="communityMakerId"
    reference="users"
    filter={{ role: 'COMMUNITY_MAKER' }}
  />,
];

export const AssignmentList = () => (
  <ResourceList filters={filters} sort={{ field: 'startedAt', order: 'DESC' }}>
    <ReferenceCol source="pactId" reference="pacts" />
    <ReferenceCol source="communityMakerId" reference="users" />
    <DataTable.Col source="startedAt" field={InstantField} />
    <DataTable.Col source="endedAt" field={InstantField} />
    <ReferenceCol source="assignedById" reference="users" />
    <DataTable.Col source="reason" disableSort />
  </ResourceList>
);
