import { BooleanField, BooleanInput, DataTable, SelectInput } from 'react-admin';
import { CalendarDateField } from '../common/fields';
import { ChoiceCol, pactFilter, ReferenceCol, ResourceList } from '../common/lists';
import { milestoneStatusChoices } from './milestoneChoices';

const filters = [
  pactFilter,
  <SelectInput key="status" source="status" choices={milestoneStatusChoices} />,
  <BooleanInput key="overdue" source="overdue" />,
];

export const MilestoneList = () => (
  <ResourceList filters={filters} sort={{ field: 'dueDate', order: 'ASC' }}>
    <ReferenceCol source="pactId" reference="pacts" />
    <DataTable.Col source="title" />
    <DataTable.Col source="dueDate" field={CalendarDateField} />
    <ChoiceCol source="status" choices={milestoneStatusChoices} />
    <DataTable.Col source="overdue" field={BooleanField} disableSort />
    <DataTable.Col source="achievedAt" field={CalendarDateField} />
  </ResourceList>
);
