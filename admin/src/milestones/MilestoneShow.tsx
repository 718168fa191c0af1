import { BooleanField, ReferenceField, SelectField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import { CalendarDateField } from '../common/fields';
import { milestoneStatusChoices } from './milestoneChoices';

export const MilestoneShow = () => (
  <ShowPage>
    <ReferenceField source="pactId" reference="pacts" />
    <TextField source="title" />
    <TextField source="description" />
    <CalendarDateField source="dueDate" />
    <SelectField source="status" choices={milestoneStatusChoices} />
    <BooleanField source="overdue" />
    <CalendarDateField source="achievedAt" />
    <TextField source="evidence" />
  </ShowPage>
);
