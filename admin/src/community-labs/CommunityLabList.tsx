import {
  ChipField,
  DataTable,
  List,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="territoryId" source="territoryId" reference="territories" />,
];

export const CommunityLabList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="name" />
      <DataTable.Col source="territoryId">
        <ReferenceField source="territoryId" reference="territories" />
      </DataTable.Col>
      <DataTable.Col source="communityMakerIds" disableSort>
        <ReferenceArrayField source="communityMakerIds" reference="users">
          <ChipField source="fullName" size="small" />
        </ReferenceArrayField>
      </DataTable.Col>
    </DataTable>
  </List>
);
