import { useGetOne } from 'react-admin';
import type { ReportRecord } from '../providers/dataProvider';
import type { ReportName, ReportQuery } from '../providers/reports';

/**
 * A server report (`GET /api/reports/<name>`), cached and refreshed like any record. A 404
 * (a server that does not have the report yet) is an error the widget words as "not
 * available", not retried.
 */
export function useReport<N extends ReportName>(name: N, query: ReportQuery = {}) {
  return useGetOne<ReportRecord<N>>(
    'reports',
    { id: name as ReportRecord<N>['id'], meta: { query } },
    { retry: false },
  );
}
