import { AUDIT_ACTIONS, RESOURCES, type AuditEvent } from '@generattivi/shared';
import {
  DataTable,
  DateTimeInput,
  FunctionField,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  type SelectInputProps,
  useGetResourceLabel,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { InstantField } from '../common/fields';
import { AuditRecordField } from './AuditRecordField';
import { ListToolbar } from '../common/lists';
import { AuditChainStatus } from './AuditChainStatus';
import { ChangesField } from './ChangesField';
import { EmptyState } from '../common/EmptyState';

/** The collection an event is about, named as in the menu. */
const EntityTypeInput = (props: SelectInputProps) => {
  const getResourceLabel = useGetResourceLabel();
  const choices = RESOURCES.map((id) => ({ id, name: getResourceLabel(id, 2) }));
  return <SelectInput {...props} choices={choices} translateChoice={false} />;
};

const actionChoices = enumChoices(AUDIT_ACTIONS, 'auditAction');

const filters = [
  <EntityTypeInput key="entityType" source="entityType" alwaysOn />,
  <NumberInput key="entityId" source="entityId" />,
  <ReferenceInput key="actorId" source="actorId" reference="users" />,
  <SelectInput key="action" source="action" choices={actionChoices} />,
  <DateTimeInput key="at_gte" source="at_gte" label="app.filters.from" />,
  <DateTimeInput key="at_lte" source="at_lte" label="app.filters.to" />,
];

const EntityTypeField = () => {
  const getResourceLabel = useGetResourceLabel();
  return <FunctionField<AuditEvent> render={(event) => getResourceLabel(event.entityType, 1)} />;
};

export const AuditEventList = () => (
  <List
    empty={<EmptyState />}
    filters={filters}
    sort={{ field: 'at', order: 'DESC' }}
    actions={<ListToolbar />}
    exporter={false}
  >
    <AuditChainStatus />
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="at" field={InstantField} />
      <DataTable.Col source="actorId">
        <ReferenceField source="actorId" reference="users" link="show" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="action">
        <SelectField source="action" choices={actionChoices} />
      </DataTable.Col>
      <DataTable.Col source="entityType" field={EntityTypeField} />
      <DataTable.Col source="entityId" field={AuditRecordField} disableSort />
      <DataTable.Col source="changes" field={ChangesField} disableSort />
    </DataTable>
  </List>
);
