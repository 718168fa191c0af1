import {
  AutocompleteInput,
  DateInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { milestoneStatusChoices } from './milestoneChoices';

export const MilestoneInputs = () => (
  <>
    <ReferenceInput source="pactId" reference="pacts">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="title" validate={required()} />
    <TextInput source="description" multiline minRows={2} />
    <DateInput source="dueDate" validate={required()} />
    <SelectInput source="status" choices={milestoneStatusChoices} validate={required()} />
    <DateInput source="achievedAt" />
    <TextInput source="evidence" multiline minRows={2} />
  </>
);
