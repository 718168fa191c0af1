import {
  ArrayField,
  BooleanField,
  DataTable,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  useGetResourceLabel,
  NumberField,
} from 'react-admin';
import { CalendarDateField, InstantField } from '../common/fields';
import { milestoneStatusChoices } from '../milestones/milestoneChoices';
import { noteKindChoices } from '../notes/noteChoices';
import { AddToPactButton } from './AddToPactButton';
import { CheckMessageField, RuleField } from './EligibilityCheckFields';
import { outcomeChoices, PERCENT, pactStatusChoices, pactTypeChoices } from './pactChoices';

export const PactShow = () => {
  const getResourceLabel = useGetResourceLabel();
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={getResourceLabel('pacts', 1)}>
          <TextField source="reference" />
          <SelectField source="type" choices={pactTypeChoices} />
          <SelectField source="status" choices={pactStatusChoices} />
          <TextField source="title" />
          <ReferenceField source="territoryId" reference="territories" />
          <ReferenceField source="beneficiaryId" reference="beneficiaries" emptyText="—" />
          <ReferenceField source="householdId" reference="households" emptyText="—" />
          <ReferenceField source="socialWorkerId" reference="users" emptyText="—" />
          <ReferenceField source="communityMakerId" reference="users" emptyText="—" />
          <ReferenceField source="communityLabId" reference="community-labs" emptyText="—" />
          <TextField source="objectives" />
          <TextField source="citizenCommitments" />
          <TextField source="communityCommitments" />
          <CalendarDateField source="startDate" />
          <CalendarDateField source="plannedEndDate" />
          <NumberField source="progress" locales="it-IT" options={PERCENT} />
          <InstantField source="closedAt" />
          <SelectField source="outcome" choices={outcomeChoices} />
          <TextField source="closingNote" />
          <TextField source="version" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.pacts.fields.eligibility" path="eligibility">
          <BooleanField source="eligibility.eligible" label="app.pacts.eligible" />
          <TextField source="eligibility.ruleSetVersion" label="app.pacts.rule_set_version" />
          <InstantField source="eligibility.evaluatedAt" label="app.pacts.evaluated_at" />
          <CalendarDateField source="eligibility.referenceDate" label="app.pacts.reference_date" />
          <ArrayField source="eligibility.checks" label={false}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="rule" label="app.pacts.rule" field={RuleField} />
              <DataTable.Col source="passed" label="app.pacts.passed" field={BooleanField} />
              <DataTable.Col label="app.pacts.message" field={CheckMessageField} />
            </DataTable>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={getResourceLabel('milestones', 2)} path="milestones">
          <ReferenceManyField
            reference="milestones"
            target="pactId"
            sort={{ field: 'dueDate', order: 'ASC' }}
            pagination={<Pagination />}
            label={false}
          >
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="title" />
              <DataTable.Col source="dueDate" field={CalendarDateField} />
              <DataTable.Col source="status">
                <SelectField source="status" choices={milestoneStatusChoices} />
              </DataTable.Col>
              <DataTable.Col source="overdue" field={BooleanField} />
              <DataTable.Col source="achievedAt" field={CalendarDateField} />
            </DataTable>
          </ReferenceManyField>
          <AddToPactButton resource="milestones" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={getResourceLabel('notes', 2)} path="notes">
          <ReferenceManyField
            reference="notes"
            target="pactId"
            sort={{ field: 'occurredAt', order: 'DESC' }}
            pagination={<Pagination />}
            label={false}
          >
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="occurredAt" field={InstantField} />
              <DataTable.Col source="kind">
                <SelectField source="kind" choices={noteKindChoices} />
              </DataTable.Col>
              <DataTable.Col source="authorId">
                <ReferenceField source="authorId" reference="users" />
              </DataTable.Col>
              <DataTable.Col source="body" />
            </DataTable>
          </ReferenceManyField>
          <AddToPactButton resource="notes" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={getResourceLabel('assignments', 2)} path="assignments">
          <ReferenceManyField
            reference="assignments"
            target="pactId"
            sort={{ field: 'startedAt', order: 'DESC' }}
            label={false}
          >
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="communityMakerId">
                <ReferenceField source="communityMakerId" reference="users" />
              </DataTable.Col>
              <DataTable.Col source="startedAt" field={InstantField} />
              <DataTable.Col source="endedAt" field={InstantField} />
              <DataTable.Col source="assignedById">
                <ReferenceField source="assignedById" reference="users" />
              </DataTable.Col>
              <DataTable.Col source="reason" />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
