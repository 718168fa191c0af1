import type { ListField } from './list-query';

/** For the tests of list queries: a field of every type, each filterable and sortable. */
export const FIELDS_OF_EVERY_TYPE = {
  id: { column: 'id', type: 'int' },
  reference: { column: 'reference', type: 'string' },
  status: { column: 'status', type: 'enum', values: ['DRAFT', 'ACTIVE', 'CLOSED'] },
  amount: { column: 'amount', type: 'decimal' },
  startDate: { column: 'startDate', type: 'date' },
  closedAt: { column: 'closedAt', type: 'instant' },
  urgent: { column: 'urgent', type: 'boolean' },
} satisfies Record<string, ListField>;
