import { DataTable, List, ReferenceField, ReferenceInput } from 'react-admin';
import { InstantField } from '../common/fields';
import { EmptyState } from '../common/EmptyState';

const filters = [
  <ReferenceInput key="pactId" source="pactId" reference="pacts" alwaysOn />,
  <ReferenceInput
    key="communityMakerId"
    source="communityMakerId"
    reference="users"
    filter={{ role: 'COMMUNITY_MAKER' }}
  />,
];

export const AssignmentList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'startedAt', order: 'DESC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="pactId">
        <ReferenceField source="pactId" reference="pacts" />
      </DataTable.Col>
      <DataTable.Col source="communityMakerId">
        <ReferenceField source="communityMakerId" reference="users" />
      </DataTable.Col>
      <DataTable.Col source="startedAt" field={InstantField} />
      <DataTable.Col source="endedAt" field={InstantField} />
      <DataTable.Col source="assignedById">
        <ReferenceField source="assignedById" reference="users" />
      </DataTable.Col>
      <DataTable.Col source="reason" disableSort />
    </DataTable>
  </List>
);
