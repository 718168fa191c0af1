import type { Pact } from '@generattivi/shared';
import { List, ListItem, ListItemText } from '@mui/material';
import type { ReactNode } from 'react';
import { StatusChip } from '../pacts/StatusChip';
import { ListCard, MoreCount } from './HomeCard';
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
}) => (
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
    <MoreCount total={total} shown={pacts.length} />
  </>
);

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
}) => (
  <ListCard<Pact>
    resource="pacts"
    params={{ filter, sort, pagination: { page: 1, perPage: SHOWN } }}
    title={title}
    empty={empty}
  >
    {(pacts) => <PactRows pacts={pacts} detail={detail} />}
  </ListCard>
);
