import {
  BooleanField,
  BooleanInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { CalendarDateField } from '../common/fields';
import { milestoneStatusChoices } from './milestoneChoices';
import { EmptyState } from '../common/EmptyState';

const filters = [
  <ReferenceInput key="pactId" source="pactId" reference="pacts" alwaysOn />,
  <SelectInput key="status" source="status" choices={milestoneStatusChoices} />,
  <BooleanInput key="overdue" source="overdue" />,
];

export const MilestoneList = () => (
  <List empty={<EmptyState />} filters={filters} sort={{ field: 'dueDate', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="pactId">
        <ReferenceField source="pactId" reference="pacts" />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="dueDate" field={CalendarDateField} />
      <DataTable.Col source="status">
        <SelectField source="status" choices={milestoneStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="overdue" field={BooleanField} disableSort />
      <DataTable.Col source="achievedAt" field={CalendarDateField} />
    </DataTable>
  </List>
);
