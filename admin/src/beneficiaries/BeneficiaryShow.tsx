import { EMPLOYMENT_STATUSES, SEXES } from '@generattivi/shared';
import {
  DataTable,
  EmailField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { CalendarDateField } from '../common/fields';
import { pactTypeChoices } from '../pacts/pactChoices';
import { StatusField } from '../pacts/StatusChip';

/** Contact details are null for managers (the server withholds them): shown as a dash. */
export const BeneficiaryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="lastName" />
      <TextField source="firstName" />
      <TextField source="fiscalCode" />
      <CalendarDateField source="birthDate" />
      <SelectField source="sex" choices={enumChoices(SEXES, 'sex')} />
      <ReferenceField source="territoryId" reference="territories" />
      <TextField source="municipality" />
      <TextField source="address" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <EmailField source="email" emptyText="—" />
      <SelectField
        source="employmentStatus"
        choices={enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus')}
      />
      <ReferenceField source="householdId" reference="households" emptyText="—" />
      <ReferenceManyField
        reference="pacts"
        target="beneficiaryId"
        sort={{ field: 'startDate', order: 'DESC' }}
        label="app.beneficiaries.pacts"
        empty={<span>—</span>}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="reference" />
          <DataTable.Col source="type">
            <SelectField source="type" choices={pactTypeChoices} />
          </DataTable.Col>
          <DataTable.Col source="status" field={StatusField} />
          <DataTable.Col source="startDate" field={CalendarDateField} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
