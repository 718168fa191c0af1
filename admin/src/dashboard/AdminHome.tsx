import { Grid, Stack } from '@mui/material';
import { AuditChainWidget } from './AuditChainWidget';
import { PossibleDuplicatesWidget } from './PossibleDuplicatesWidget';
import { TerritoriesWidget } from './TerritoriesWidget';
import { UsersWidget } from './UsersWidget';
import { HomeHeading } from './HomeHeading';

/**
 * The administrator's home: the audit chain first, the possible duplicates waiting, then
 * accounts and territories.
 */
const AdminHome = () => {
  return (
    <Stack spacing={2}>
      <HomeHeading title="app.dashboard.admin_title" />
      <AuditChainWidget />
      <PossibleDuplicatesWidget />
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
