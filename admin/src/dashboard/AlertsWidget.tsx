import { List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import type { PactAlert } from '../providers/reports';
import { ListCard } from './HomeCard';
import { PactLink } from './PactLink';

const SHOWN = 10;

/** What needs attention now (`GET /api/alerts`), with the server's count as a badge. */
export const AlertsWidget = () => {
  const translate = useTranslate();
  return (
    <ListCard<PactAlert>
      resource="alerts"
      params={{ pagination: { page: 1, perPage: SHOWN }, sort: { field: 'since', order: 'ASC' } }}
      retry={false}
      title={translate('app.alerts.title')}
      empty={translate('app.alerts.none')}
    >
      {(alerts) => (
        <List disablePadding dense>
          {alerts.map((alert) => (
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
      )}
    </ListCard>
  );
};
