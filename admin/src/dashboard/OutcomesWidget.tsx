import { Skeleton, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { formatInstant } from '../common/format';
import type { OutcomesRow, ReportQuery } from '../providers/reports';
import { CardState, HomeCard } from './HomeCard';
import { ReportCsvButton } from './ReportCsvButton';
import { useTerritories } from './ReportFilters';
import { useReport } from './useReport';

/** recharts is heavy: the charts arrive in their own chunk, after the page. */
const OutcomeCharts = lazy(() => import('./OutcomeCharts'));

/**
 * Outcomes across territories from `GET /api/reports/outcomes`, narrowed by the dashboard's
 * filters (territory, type and period); the server aggregates, the charts draw.
 */
export const OutcomesWidget = ({ query }: { query: ReportQuery }) => {
  const translate = useTranslate();
  const territories = useTerritories();
  const { data, isPending, error } = useReport('outcomes', query);
  const rows = data?.rows ?? [];
  const territoryName = (id: number) => {
    const territory = territories.find((t) => t.id === id);
    return territory
      ? translate(`enums.territory.${territory.code}`, { _: territory.name })
      : `#${id}`;
  };
  const name = (row: OutcomesRow) =>
    `${territoryName(row.territoryId)} · ${translate(`app.reports.type_short.${row.type}`)}`;

  return (
    <HomeCard
      title={translate('app.reports.outcomes_title')}
      loading={false}
      action={
        <>
          {data?.generatedAt ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.reports.generated_at', { at: formatInstant(data.generatedAt) })}
            </Typography>
          ) : null}
          <ReportCsvButton
            name="outcomes"
            query={query}
            label={translate('app.reports.outcomes_title')}
          />
        </>
      }
    >
      <CardState
        loading={isPending}
        error={error}
        empty={rows.length === 0 && translate('app.reports.none')}
        loadingHeight={300}
      >
        <Suspense fallback={<Skeleton variant="rounded" height={300} />}>
          <OutcomeCharts rows={rows} name={name} />
        </Suspense>
      </CardState>
    </HomeCard>
  );
};
