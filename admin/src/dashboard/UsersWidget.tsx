import { ROLES, type Role } from '@generattivi/shared';
import { List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { CreateButton, Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { HomeCard } from './HomeCard';

/** Active accounts of one role, counted by the server. */
const RoleRow = ({ role }: { role: Role }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { total } = useGetList('users', {
    filter: { role, active: true },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
  });
  const to = `${createPath({ resource: 'users', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ role }))}`;
  return (
    <ListItem disablePadding divider>
      <ListItemButton component={Link} to={to}>
        <ListItemText
          primary={translate(`enums.role.${role}`)}
          secondary={translate('app.dashboard.active_accounts', { smart_count: total ?? 0 })}
          slotProps={{ secondary: { color: 'text.primary' } }}
        />
      </ListItemButton>
    </ListItem>
  );
};

/** Accounts by role, with the way to add one. */
export const UsersWidget = () => {
  const translate = useTranslate();
  const { total, isPending, error } = useGetList('users', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
  });
  return (
    <HomeCard
      title={translate('resources.users.name', { smart_count: 2 })}
      count={total}
      loading={isPending}
      error={error}
      action={<CreateButton resource="users" />}
    >
      <List disablePadding>
        {ROLES.map((role) => (
          <RoleRow key={role} role={role} />
        ))}
      </List>
    </HomeCard>
  );
};
