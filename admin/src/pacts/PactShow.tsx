import type { Role } from '@generattivi/shared';
import { Card, Stack } from '@mui/material';
import {
  DataTable,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  TextField,
  useGetResourceLabel,
  usePermissions,
} from 'react-admin';
import { ChangesField } from '../audit-events/ChangesField';
import { ResponsiveTable } from '../common/lists';
import { CalendarDateField, InstantField } from '../common/fields';
import { DocumentsTab } from '../documents/DocumentsTab';
import { OutboxConflicts } from '../offline/PactOutbox';
import { DiaryList } from './DiaryList';
import { EligibilityPanel } from './EligibilityPanel';
import { MilestoneTimeline } from './MilestoneTimeline';
import { PactHeader } from './PactHeader';
import { PactNow } from './PactNow';
import { canSeeAudit } from './pactPermissions';
import { outcomeChoices } from './pactChoices';

/**
 * The pact page: header with status and actions; for an ACTIVE pact its next milestones and
 * latest notes, then the eligibility panel (collapsed once the pact is approved); then tabs for
 * details, milestones (a timeline), diary, assignment history and audit (ADMIN, MANAGER).
 */
export const PactShow = () => {
  const getResourceLabel = useGetResourceLabel();
  const { permissions: role } = usePermissions<Role | undefined>();
  return (
    <Show actions={false} component="div">
      <Stack spacing={2} sx={{ mt: 1, mb: 4 }}>
        <PactHeader />
        <OutboxConflicts />
        <PactNow />
        <EligibilityPanel />
        <Card>
          <TabbedShowLayout
            tabs={<TabbedShowLayoutTabs variant="scrollable" allowScrollButtonsMobile />}
          >
            <TabbedShowLayout.Tab label="app.pacts.tab_details">
              <TextField source="title" />
              <ReferenceField source="territoryId" reference="territories" />
              <ReferenceField source="beneficiaryId" reference="beneficiaries" emptyText="—" />
              <ReferenceField source="householdId" reference="households" emptyText="—" />
              <ReferenceField
                source="socialWorkerId"
                reference="users"
                emptyText="—"
                link={false}
              />
              <ReferenceField
                source="communityMakerId"
                reference="users"
                emptyText="—"
                link={false}
              />
              <ReferenceField source="communityLabId" reference="community-labs" emptyText="—" />
              <TextField source="objectives" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
              <TextField
                source="citizenCommitments"
                emptyText="—"
                sx={{ whiteSpace: 'pre-wrap' }}
              />
              <TextField
                source="communityCommitments"
                emptyText="—"
                sx={{ whiteSpace: 'pre-wrap' }}
              />
              <CalendarDateField source="startDate" emptyText="—" />
              <CalendarDateField source="plannedEndDate" emptyText="—" />
              <InstantField source="closedAt" emptyText="—" />
              <SelectField source="outcome" choices={outcomeChoices} emptyText="—" />
              <TextField source="closingNote" emptyText="—" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label={getResourceLabel('milestones', 2)} path="milestones">
              <MilestoneTimeline />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label={getResourceLabel('notes', 2)} path="notes">
              <DiaryList />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label={getResourceLabel('documents', 2)} path="documents">
              <DocumentsTab ownerType="pacts" ownerName={(pact) => String(pact.reference)} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label={getResourceLabel('assignments', 2)} path="assignments">
              <ReferenceManyField
                reference="assignments"
                target="pactId"
                sort={{ field: 'startedAt', order: 'DESC' }}
                label={false}
                empty={<span>{'—'}</span>}
              >
                <ResponsiveTable rowClick={false} bulkActionButtons={false}>
                  <DataTable.Col source="communityMakerId">
                    <ReferenceField source="communityMakerId" reference="users" link={false} />
                  </DataTable.Col>
                  <DataTable.Col source="startedAt" field={InstantField} />
                  <DataTable.Col source="endedAt" field={InstantField} />
                  <DataTable.Col source="assignedById">
                    <ReferenceField source="assignedById" reference="users" link={false} />
                  </DataTable.Col>
                  <DataTable.Col source="reason" disableSort />
                </ResponsiveTable>
              </ReferenceManyField>
            </TabbedShowLayout.Tab>
            {canSeeAudit(role) ? (
              <TabbedShowLayout.Tab label="app.pacts.tab_audit" path="audit">
                <ReferenceManyField
                  reference="audit-events"
                  target="entityId"
                  filter={{ entityType: 'pacts' }}
                  sort={{ field: 'at', order: 'DESC' }}
                  pagination={<Pagination />}
                  label={false}
                >
                  <DataTable rowClick={false} bulkActionButtons={false}>
                    <DataTable.Col source="at" field={InstantField} />
                    <DataTable.Col source="actorId">
                      <ReferenceField
                        source="actorId"
                        reference="users"
                        emptyText="—"
                        link={false}
                      />
                    </DataTable.Col>
                    <DataTable.Col source="action" />
                    <DataTable.Col source="changes" field={ChangesField} disableSort />
                  </DataTable>
                </ReferenceManyField>
              </TabbedShowLayout.Tab>
            ) : null}
          </TabbedShowLayout>
        </Card>
      </Stack>
    </Show>
  );
};
