import { PACT_TYPES, type PactType, type Territory } from '@generattivi/shared';
import { MenuItem, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { formatInstant } from '../common/format';
import type { OutcomesRow, ReportQuery } from '../providers/reports';
import { CardState, HomeCard } from './HomeCard';
import { useReport } from './useReport';

/** recharts is heavy: the charts arrive in their own chunk, after the page. */
const OutcomeCharts = lazy(() => import('./OutcomeCharts'));

const ALL = '';

/**
 * Outcomes across territories from `GET /api/reports/outcomes`, narrowed by territory,
 * type and period; the server aggregates, the charts draw.
 */
export const OutcomesWidget = () => {
  const translate = useTranslate();
  const [query, setQuery] = useState<ReportQuery>({});
  const { data: territories = [] } = useGetList<Territory>('territories', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'ASC' },
  });
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
  const set = (key: keyof ReportQuery) => (value: string) =>
    setQuery((q) => ({
      ...q,
      [key]: value === ALL ? undefined : key === 'territoryId' ? Number(value) : value,
    }));

  return (
    <HomeCard
      title={translate('app.reports.outcomes_title')}
      loading={false}
      action={
        data?.generatedAt ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.reports.generated_at', { at: formatInstant(data.generatedAt) })}
          </Typography>
        ) : null
      }
    >
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        useFlexGap
        sx={{ mb: 3, flexWrap: 'wrap' }}
        component="form"
        role="search"
        aria-label={translate('app.reports.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          select
          label={translate('resources.pacts.fields.territoryId')}
          value={query.territoryId ?? ALL}
          onChange={(e) => set('territoryId')(e.target.value)}
          fullWidth={false}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value={ALL}>{translate('app.reports.all_territories')}</MenuItem>
          {territories.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {translate(`enums.territory.${t.code}`, { _: t.name })}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={translate('resources.pacts.fields.type')}
          value={query.type ?? ALL}
          onChange={(e) => set('type')(e.target.value as PactType)}
          fullWidth={false}
          sx={{ minWidth: 240 }}
        >
          <MenuItem value={ALL}>{translate('app.reports.all_types')}</MenuItem>
          {PACT_TYPES.map((t) => (
            <MenuItem key={t} value={t}>
              {translate(`enums.pactType.${t}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          label={translate('app.filters.from')}
          value={query.from ?? ''}
          onChange={(e) => set('from')(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          fullWidth={false}
        />
        <TextField
          type="date"
          label={translate('app.filters.to')}
          value={query.to ?? ''}
          onChange={(e) => set('to')(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          fullWidth={false}
        />
      </Stack>
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
