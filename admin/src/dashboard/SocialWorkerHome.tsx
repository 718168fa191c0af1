import { Grid, Stack } from '@mui/material';
import { CreateButton } from 'react-admin';
import { AlertsWidget } from './AlertsWidget';
import { AwaitingApprovalWidget } from './AwaitingApprovalWidget';
import { CaseloadWidget } from './CaseloadWidget';
import { EndingSoonWidget } from './EndingSoonWidget';
import { OverdueMilestonesWidget } from './OverdueMilestonesWidget';
import { StalePactsWidget } from './StalePactsWidget';
import { HomeHeading } from './HomeHeading';

/** The social worker's home: the caseload of their territories, what waits for them first. */
const SocialWorkerHome = () => {
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <HomeHeading title="app.dashboard.social_worker_title" />
        <CreateButton
          resource="pacts"
          label="app.dashboard.new_pact"
          variant="contained"
          size="large"
        />
      </Stack>
      <AwaitingApprovalWidget />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <OverdueMilestonesWidget />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <AlertsWidget />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <EndingSoonWidget />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <StalePactsWidget />
        </Grid>
      </Grid>
      <CaseloadWidget people="communityMakers" />
    </Stack>
  );
};

export default SocialWorkerHome;
