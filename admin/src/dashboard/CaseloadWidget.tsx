import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { HandOverButton } from '../assignments/HandOverButton';
import type { CaseloadRow, ReportQuery } from '../providers/reports';
import { FiguresTable } from './FiguresTable';
import { HomeCard } from './HomeCard';
import { ReportCsvButton } from './ReportCsvButton';
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

/** The open pacts of a row: its pacts by status are the open ones. */
const openPactsOf = (row: CaseloadRow) =>
  Object.values(row.openByStatus).reduce((sum, n) => sum + (n ?? 0), 0);

/**
 * The load of each community maker (or social worker) in the caller's territories, from
 * `GET /api/reports/caseload` narrowed by `query`: the server counts, the table shows; "Scarica
 * CSV" downloads the same figures.
 */
export const CaseloadWidget = ({
  people = 'communityMakers',
  query = {},
}: {
  people?: 'communityMakers' | 'socialWorkers';
  /** The dashboard's filters (territory, type, period), when it has them. */
  query?: ReportQuery;
}) => {
  const translate = useTranslate();
  const { data, isPending, error } = useReport('caseload', query);
  const rows = data?.[people] ?? [];
  const header = (key: string) => translate(`app.caseload.${key}`);
  return (
    <HomeCard
      title={translate(`app.caseload.title_${people}`)}
      loading={isPending}
      error={error}
      empty={rows.length === 0 && translate('app.caseload.none')}
      action={
        <ReportCsvButton
          name="caseload"
          query={query}
          table={people}
          label={translate(`app.caseload.title_${people}`)}
        />
      }
    >
      <FiguresTable
        label={translate(`app.caseload.title_${people}`)}
        nameLabel={translate('app.caseload.person')}
        rows={rows}
        rowKey={(row) => row.userId}
        rowName={(row) => (
          <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
            <span>{row.fullName}</span>
            <HandOverButton
              size="small"
              giver={{
                id: row.userId,
                fullName: row.fullName,
                role: people === 'communityMakers' ? 'COMMUNITY_MAKER' : 'SOCIAL_WORKER',
                openPacts: openPactsOf(row),
              }}
            />
          </Stack>
        )}
        columns={COLUMNS.map(([key, value]) => ({ key, label: header(key), value }))}
      />
    </HomeCard>
  );
};
