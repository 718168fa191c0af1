import { useTranslate } from 'react-admin';
import type { CaseloadRow } from '../providers/reports';
import { FiguresTable } from './FiguresTable';
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
      <FiguresTable
        label={translate(`app.caseload.title_${people}`)}
        nameLabel={translate('app.caseload.person')}
        rows={rows}
        rowKey={(row) => row.userId}
        rowName={(row) => row.fullName}
        columns={COLUMNS.map(([key, value]) => ({ key, label: header(key), value }))}
      />
    </HomeCard>
  );
};
