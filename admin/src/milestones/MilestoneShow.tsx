import { BooleanField, ReferenceField, SelectField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import { CalendarDateField } from '../common/fields';
import { DocumentsTab } from '../documents/DocumentsTab';
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
    <DocumentsTab
      ownerType="milestones"
      ownerName={(milestone) => String(milestone.title)}
      label="app.milestones.documents"
    />
  </ShowPage>
);
