import type { Pact } from '@generattivi/shared';
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { StatusChip } from '../pacts/StatusChip';
import { HomeCard } from './HomeCard';
import { PactLink } from './PactLink';

export const SHOWN = 8;

/** Pacts as home rows: reference, title, status, and one detail. */
export const PactRows = ({
  pacts,
  total,
  detail,
}: {
  pacts: Pact[];
  total?: number;
  detail: (pact: Pact) => ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <>
      <List disablePadding dense>
        {pacts.map((pact) => (
          <ListItem
            key={pact.id}
            disableGutters
            divider
            secondaryAction={<StatusChip status={pact.status} />}
          >
            <ListItemText
              primary={
                <>
                  <PactLink id={pact.id} reference={pact.reference} /> — {pact.title}
                </>
              }
              secondary={detail(pact)}
              slotProps={{ secondary: { color: 'text.primary' } }}
              sx={{ pr: 12 }}
            />
          </ListItem>
        ))}
      </List>
      {total !== undefined && total > pacts.length ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.dashboard.more', { smart_count: total - pacts.length })}
        </Typography>
      ) : null}
    </>
  );
};

/** A home list of pacts picked by a server filter. */
export const PactListWidget = ({
  title,
  empty,
  filter,
  sort,
  detail,
}: {
  title: string;
  empty: string;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' };
  detail: (pact: Pact) => ReactNode;
}) => {
  const {
    data = [],
    total,
    isPending,
    error,
  } = useGetList<Pact>('pacts', {
    filter,
    sort,
    pagination: { page: 1, perPage: SHOWN },
  });
  return (
    <HomeCard
      title={title}
      count={total}
      loading={isPending}
      error={error}
      empty={data.length === 0 && empty}
    >
      <PactRows pacts={data} total={total} detail={detail} />
    </HomeCard>
  );
};
