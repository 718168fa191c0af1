import type { Role } from '@generattivi/shared';
import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useGetIdentity, usePermissions, useTranslate } from 'react-admin';

/** Who is signed in, and as what. */
export const WelcomeCard = () => {
  const { identity } = useGetIdentity();
  const { permissions: role } = usePermissions<Role | undefined>();
  const translate = useTranslate();
  return (
    <Card>
      <CardHeader
        title={translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
        slotProps={{ title: { component: 'h2' } }}
        subheader={
          role
            ? translate('app.dashboard.role', { role: translate(`enums.role.${role}`) })
            : undefined
        }
      />
      <CardContent>
        <Typography color="text.secondary">{translate('app.subtitle')}</Typography>
      </CardContent>
    </Card>
  );
};
