import { EMPLOYMENT_STATUSES } from '@generattivi/shared';
import { Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  Labeled,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { CalendarDateField, InstantField } from '../common/fields';
import { ChoiceCol, ResponsiveTable } from '../common/lists';
import { DocumentsTab } from '../documents/DocumentsTab';
import { RelatedPacts } from '../pacts/RelatedPacts';
import { EURO } from './euro';

const employmentChoices = enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus');

/** Who assessed the household as vulnerable, when and why; or that nobody did yet. */
const VulnerabilityAssessment = () => {
  const household = useRecordContext<{ vulnerable?: boolean; assessedAt?: string | null }>();
  const translate = useTranslate();
  if (!household) return null;
  if (!household.assessedAt && !household.vulnerable) {
    return <Typography>{translate('app.households.not_assessed')}</Typography>;
  }
  return (
    <>
      <Labeled source="vulnerable">
        <BooleanField source="vulnerable" />
      </Labeled>
      <Labeled source="vulnerabilityReason">
        <TextField source="vulnerabilityReason" emptyText="—" />
      </Labeled>
      <Labeled source="assessedById">
        <ReferenceField source="assessedById" reference="users" link={false} emptyText="—" />
      </Labeled>
      <Labeled source="assessedAt">
        <InstantField source="assessedAt" emptyText="—" />
      </Labeled>
    </>
  );
};

/** The household, its members (beneficiaries with this householdId), its assessment and pacts. */
export const HouseholdShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.households.tab_household">
          <TextField source="name" />
          <ReferenceField source="territoryId" reference="territories" />
          <TextField source="municipality" />
          <NumberField source="membersCount" />
          <NumberField
            source="iseeEur"
            locales="it-IT"
            options={EURO}
            emptyText={translate('app.households.isee_unknown')}
          />
          <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
            {translate('app.households.assessment')}
          </Typography>
          <VulnerabilityAssessment />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.households.tab_members" path="members">
          <ReferenceManyField
            reference="beneficiaries"
            target="householdId"
            sort={{ field: 'lastName', order: 'ASC' }}
            label={false}
            empty={<Typography>{translate('app.households.no_members')}</Typography>}
          >
            <ResponsiveTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="lastName" />
              <DataTable.Col source="firstName" />
              <DataTable.Col source="fiscalCode" disableSort />
              <DataTable.Col source="birthDate" field={CalendarDateField} />
              <ChoiceCol source="employmentStatus" choices={employmentChoices} />
            </ResponsiveTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.households.tab_pacts" path="pacts">
          <RelatedPacts target="householdId" label={false} empty={<Typography>—</Typography>} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.households.tab_documents" path="documents">
          <DocumentsTab ownerType="households" ownerName={(household) => String(household.name)} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
