import { Stack } from '@mui/material';
import { MyPactsWidget } from './MyPactsWidget';
import { OverdueMilestonesWidget } from './OverdueMilestonesWidget';
import { HomeHeading } from './HomeHeading';

/** The community maker's home, "I miei patti": overdue milestones first, then each pact. */
const MakerHome = () => {
  return (
    <Stack spacing={2}>
      <HomeHeading title="app.dashboard.maker_title" />
      <OverdueMilestonesWidget />
      <MyPactsWidget />
    </Stack>
  );
};

export default MakerHome;
