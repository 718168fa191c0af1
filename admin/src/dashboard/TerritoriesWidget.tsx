import type { Territory } from '@generattivi/shared';
import { List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { HomeCard } from './HomeCard';

/** The three ambiti and their municipalities. */
export const TerritoriesWidget = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const {
    data = [],
    total,
    isPending,
    error,
  } = useGetList<Territory>('territories', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <HomeCard
      title={translate('resources.territories.name', { smart_count: 2 })}
      count={total}
      loading={isPending}
      error={error}
      empty={data.length === 0 && translate('app.empty.territories.create')}
    >
      <List disablePadding>
        {data.map((t) => (
          <ListItem key={t.id} disablePadding divider>
            <ListItemButton
              component={Link}
              to={createPath({ resource: 'territories', id: t.id, type: 'show' })}
            >
              <ListItemText
                primary={t.name}
                secondary={translate('app.dashboard.municipalities', {
                  smart_count: t.municipalities.length,
                  list: t.municipalities.slice(0, 4).join(', '),
                })}
                slotProps={{ secondary: { color: 'text.primary' } }}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </HomeCard>
  );
};
