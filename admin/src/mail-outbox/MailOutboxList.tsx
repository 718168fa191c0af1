import { MAIL_STATUSES } from '@generattivi/shared';
import { DataTable, List, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../common/choices';
import { InstantField } from '../common/fields';
import { ChoiceCol, ResponsiveTable, searchFilter } from '../common/lists';
import { MailKindField } from './MailKindField';

const statusChoices = enumChoices(MAIL_STATUSES, 'mailStatus');

const filters = [
  searchFilter,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
];

export const MailOutboxList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
    <ResponsiveTable bulkActionButtons={false}>
      <DataTable.Col source="createdAt" field={InstantField} />
      <DataTable.Col source="to" field={TextField} />
      <DataTable.Col source="subject" field={TextField} />
      <DataTable.Col source="kind" field={MailKindField} />
      <ChoiceCol source="status" choices={statusChoices} />
    </ResponsiveTable>
  </List>
);
