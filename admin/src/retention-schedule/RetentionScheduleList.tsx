import { DataTable, List } from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { CalendarDateField } from '../common/fields';
import { ResponsiveTable } from '../common/lists';

/**
 * «Prossime anonimizzazioni» (ADMIN): who the daily job anonymises next and on which day,
 * RETENTION_YEARS after their last pact closed (or after they were entered, with no pact);
 * a row opens the person.
 */
export const RetentionScheduleList = () => (
  <List
    empty={<EmptyState />}
    sort={{ field: 'anonymiseOn', order: 'ASC' }}
    actions={false}
    exporter={false}
  >
    <ResponsiveTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="anonymiseOn" field={CalendarDateField} />
      <DataTable.Col source="lastName" disableSort />
      <DataTable.Col source="firstName" disableSort />
      <DataTable.Col source="lastPactClosedAt" disableSort>
        <CalendarDateField source="lastPactClosedAt" emptyText="app.retention.no_pact" />
      </DataTable.Col>
    </ResponsiveTable>
  </List>
);
