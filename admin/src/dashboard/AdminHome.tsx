import { Grid, Stack, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { AuditChainWidget } from './AuditChainWidget';
import { TerritoriesWidget } from './TerritoriesWidget';
import { UsersWidget } from './UsersWidget';

/** The administrator's home: the audit chain first, then accounts and territories. */
const AdminHome = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1">
          {translate('app.dashboard.admin_title')}
        </Typography>
        <Typography color="text.secondary">
          {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
      </div>
      <AuditChainWidget />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <UsersWidget />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TerritoriesWidget />
        </Grid>
      </Grid>
    </Stack>
  );
};

export default AdminHome;
