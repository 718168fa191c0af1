import type { ReactElement } from 'react';
import { DataTable, ReferenceManyField } from 'react-admin';
import { CalendarDateField } from '../common/fields';
import { ChoiceCol, ResponsiveTable } from '../common/lists';
import { pactTypeChoices } from './pactChoices';
import { StatusField } from './StatusChip';

/** The pacts of a beneficiary or a household, newest first: a row opens the pact. */
export const RelatedPacts = ({
  target,
  label,
  empty,
}: {
  target: 'beneficiaryId' | 'householdId';
  label: string | false;
  empty: ReactElement;
}) => (
  <ReferenceManyField
    reference="pacts"
    target={target}
    sort={{ field: 'startDate', order: 'DESC' }}
    label={label}
    empty={empty}
  >
    <ResponsiveTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="reference" />
      <ChoiceCol source="type" choices={pactTypeChoices} />
      <DataTable.Col source="status" field={StatusField} />
      <DataTable.Col source="startDate" field={CalendarDateField} />
    </ResponsiveTable>
  </ReferenceManyField>
);
