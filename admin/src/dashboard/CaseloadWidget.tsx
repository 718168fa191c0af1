import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseloadRow } from '../providers/reports';
import { HomeCard } from './HomeCard';
import { useReport } from './useReport';

const COLUMNS = [
  ['active', (r: CaseloadRow) => r.openByStatus.ACTIVE ?? 0],
  ['suspended', (r: CaseloadRow) => r.openByStatus.SUSPENDED ?? 0],
  ['draft', (r: CaseloadRow) => r.openByStatus.DRAFT ?? 0],
  ['awaitingApproval', (r: CaseloadRow) => r.awaitingApproval],
  ['overdueMilestones', (r: CaseloadRow) => r.overdueMilestones],
  ['withoutRecentNote', (r: CaseloadRow) => r.withoutRecentNote],
  ['endingWithin30Days', (r: CaseloadRow) => r.endingWithin30Days],
] as const;

/**
 * The load of each community maker (or social worker) in the caller's territories, from
 * `GET /api/reports/caseload`: the server counts, the table shows.
 */
export const CaseloadWidget = ({
  people = 'communityMakers',
  territoryId,
}: {
  people?: 'communityMakers' | 'socialWorkers';
  territoryId?: number | null;
}) => {
  const translate = useTranslate();
  const { data, isPending, error } = useReport('caseload', { territoryId });
  const rows = data?.[people] ?? [];
  const header = (key: string) => translate(`app.caseload.${key}`);
  return (
    <HomeCard
      title={translate(`app.caseload.title_${people}`)}
      loading={isPending}
      error={error}
      empty={rows.length === 0 && translate('app.caseload.none')}
    >
      <TableContainer>
        <Table size="small" aria-label={translate(`app.caseload.title_${people}`)}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {translate('app.caseload.person')}
              </TableCell>
              {COLUMNS.map(([key]) => (
                <TableCell key={key} component="th" scope="col" align="right">
                  {header(key)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.userId}>
                <TableCell component="th" scope="row">
                  {row.fullName}
                </TableCell>
                {COLUMNS.map(([key, value]) => (
                  <TableCell key={key} align="right">
                    {value(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </HomeCard>
  );
};
