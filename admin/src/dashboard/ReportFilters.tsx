import { PACT_TYPES, type PactType, type Territory } from '@generattivi/shared';
import { Card, CardContent, MenuItem, Stack, TextField } from '@mui/material';
import { useMemo } from 'react';
import { useGetList, useLocation, useNavigate, useTranslate } from 'react-admin';
import type { ReportQuery } from '../providers/reports';
import { reportQueryFrom, reportQuerySearch } from './reportFilters';

const ALL = '';

/** The territories the caller reads, in one order (the filters and the charts name them). */
export function useTerritories(): Territory[] {
  const { data = [] } = useGetList<Territory>('territories', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'ASC' },
  });
  return data;
}

/**
 * The dashboard's filters kept in the page address, so that a reload or a shared link keeps
 * them: the query every widget reads, and how to change it.
 */
export function useReportQuery(): [ReportQuery, (query: ReportQuery) => void] {
  const { search } = useLocation();
  const navigate = useNavigate();
  const query = useMemo(() => reportQueryFrom(new URLSearchParams(search)), [search]);
  const setQuery = (next: ReportQuery) => {
    const text = reportQuerySearch(next).toString();
    navigate({ search: text ? `?${text}` : '' }, { replace: true });
  };
  return [query, setQuery];
}

/** Territory, type and period: what every widget of the manager's dashboard is narrowed by. */
export const ReportFilters = ({
  query,
  onChange,
}: {
  query: ReportQuery;
  onChange: (query: ReportQuery) => void;
}) => {
  const translate = useTranslate();
  const territories = useTerritories();
  const set = (key: keyof ReportQuery) => (value: string) =>
    onChange({
      ...query,
      [key]: value === ALL ? undefined : key === 'territoryId' ? Number(value) : value,
    });
  return (
    <Card>
      <CardContent>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          useFlexGap
          sx={{ flexWrap: 'wrap' }}
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
      </CardContent>
    </Card>
  );
};
