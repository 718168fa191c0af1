import {
  BooleanField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { CalendarDateField } from '../common/fields';
import { milestoneStatusChoices } from './milestoneChoices';

export const MilestoneShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="pactId" reference="pacts" />
      <TextField source="title" />
      <TextField source="description" />
      <CalendarDateField source="dueDate" />
      <SelectField source="status" choices={milestoneStatusChoices} />
      <BooleanField source="overdue" />
      <CalendarDateField source="achievedAt" />
      <TextField source="evidence" />
    </SimpleShowLayout>
  </Show>
);
