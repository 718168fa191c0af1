import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import type { PactAlert } from '../providers/reports';
import { HomeCard } from './HomeCard';
import { PactLink } from './PactLink';

const SHOWN = 10;

/** What needs attention now (`GET /api/alerts`), with the server's count as a badge. */
export const AlertsWidget = () => {
  const translate = useTranslate();
  const {
    data = [],
    total,
    isPending,
    error,
  } = useGetList<PactAlert>(
    'alerts',
    { pagination: { page: 1, perPage: SHOWN }, sort: { field: 'since', order: 'ASC' } },
    { retry: false },
  );
  return (
    <HomeCard
      title={translate('app.alerts.title')}
      count={error ? undefined : total}
      loading={isPending}
      error={error}
      empty={data.length === 0 && translate('app.alerts.none')}
    >
      <List disablePadding dense>
        {data.map((alert) => (
          <ListItem key={alert.id} disableGutters divider>
            <ListItemText
              primary={
                <>
                  <PactLink id={alert.pactId} reference={alert.reference} />
                  {' — '}
                  {translate(`app.alerts.kind.${alert.kind}`)}
                </>
              }
              secondary={translate('app.alerts.since', { date: formatDate(alert.since) })}
              slotProps={{ secondary: { color: 'text.primary' } }}
            />
          </ListItem>
        ))}
      </List>
      {total !== undefined && total > data.length ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.dashboard.more', { smart_count: total - data.length })}
        </Typography>
      ) : null}
    </HomeCard>
  );
};
