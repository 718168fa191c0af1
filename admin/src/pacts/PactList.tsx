import type { Pact } from '@generattivi/shared';
import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  DateInput,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { HandOverSelectedButton, useMayHandOver } from '../assignments/HandOverButton';
import { EmptyState } from '../common/EmptyState';
import { ExportMenu } from '../common/ExportMenu';
import { CalendarDateField } from '../common/fields';
import { ListToolbar } from '../common/lists';
import { pactStatusChoices, pactTypeChoices } from './pactChoices';
import { PactProgress } from './PactProgress';
import { StatusChip, StatusField } from './StatusChip';

/** Only fields the API filters on (API.md): anything else would be a 400. */
const pactFilters = (translate: (key: string) => string) => [
  // SearchInput shows its placeholder as given: translate it here.
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder={translate('app.pacts.search_placeholder')}
  />,
  <SelectInput key="status" source="status" choices={pactStatusChoices} alwaysOn />,
  <SelectInput key="type" source="type" choices={pactTypeChoices} />,
  <ReferenceInput key="territoryId" source="territoryId" reference="territories" />,
  <ReferenceInput
    key="communityMakerId"
    source="communityMakerId"
    reference="users"
    filter={{ role: 'COMMUNITY_MAKER' }}
  >
    <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <DateInput
    key="plannedEndDate_lte"
    source="plannedEndDate_lte"
    label="app.pacts.ending_before"
  />,
  // Always shown; off means no filter at all (not "only pacts on time").
  <BooleanInput
    key="overdue"
    source="overdue"
    label="app.pacts.overdue_filter"
    alwaysOn
    format={(value: unknown) => value === true}
    parse={(checked: boolean) => (checked ? true : null)}
  />,
];

/**
 * What can be done with the selected pacts (the bulk-actions toolbar): hand them over. Other
 * bulk buttons sit beside it.
 */
/** What is done with the selected pacts: export them, hand them over. */
const PactBulkActions = ({ mayHandOver }: { mayHandOver: boolean }) => (
  <>
    <ExportMenu selection />
    {mayHandOver ? <HandOverSelectedButton /> : null}
  </>
);

/** Who the pact is for: the beneficiary, and the household of an inclusion pact. */
const SubjectField = (_props: { source?: string }) => {
  const pact = useRecordContext<Pact>();
  if (!pact) return null;
  return (
    <>
      {pact.beneficiaryId != null ? (
        <ReferenceField source="beneficiaryId" reference="beneficiaries" link={false} />
      ) : null}
      {pact.householdId != null ? (
        <Typography component="div" variant="body2" color="text.secondary">
          <ReferenceField source="householdId" reference="households" link={false} />
        </Typography>
      ) : null}
    </>
  );
};

const ProgressField = (_props: { source?: string }) => (
  <FunctionField<Pact> render={(pact) => <PactProgress value={pact.progress} dense />} />
);

/** On a phone: one line per pact, the reference and its status. */
const PhoneList = () => {
  const translate = useTranslate();
  return (
    <SimpleList<Pact>
      primaryText={(pact) => `${pact.reference} — ${pact.title}`}
      secondaryText={(pact) => (
        <>
          <Box component="span" sx={{ display: 'block' }}>
            {translate(`enums.pactType.${pact.type}`)}
          </Box>
          <SubjectField />
        </>
      )}
      tertiaryText={(pact) => <StatusChip status={pact.status} />}
      linkType="show"
    />
  );
};

export const PactList = () => {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const mayHandOver = useMayHandOver();
  const { canAccess: mayExport } = useCanAccess({ resource: 'pacts', action: 'export' });
  return (
    <List
      filters={pactFilters(translate)}
      sort={{ field: 'startDate', order: 'DESC' }}
      empty={<EmptyState />}
      actions={<ListToolbar />}
      exporter={false}
    >
      {phone ? (
        <PhoneList />
      ) : (
        <DataTable
          rowClick="show"
          bulkActionButtons={
            mayHandOver || mayExport ? <PactBulkActions mayHandOver={mayHandOver} /> : false
          }
        >
          <DataTable.Col source="reference" />
          <DataTable.Col source="type">
            <SelectField source="type" choices={pactTypeChoices} />
          </DataTable.Col>
          <DataTable.Col source="title" />
          <DataTable.Col
            source="beneficiaryId"
            label="app.pacts.subject"
            field={SubjectField}
            disableSort
          />
          <DataTable.Col source="status" field={StatusField} />
          <DataTable.Col source="territoryId">
            <ReferenceField source="territoryId" reference="territories" link={false} />
          </DataTable.Col>
          <DataTable.Col source="communityMakerId">
            <ReferenceField source="communityMakerId" reference="users" link={false} />
          </DataTable.Col>
          <DataTable.Col source="progress" field={ProgressField} />
          <DataTable.Col source="startDate" field={CalendarDateField} />
          <DataTable.Col source="plannedEndDate" field={CalendarDateField} />
        </DataTable>
      )}
    </List>
  );
};
