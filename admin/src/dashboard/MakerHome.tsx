import { Stack, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { MyPactsWidget } from './MyPactsWidget';
import { OverdueMilestonesWidget } from './OverdueMilestonesWidget';

/** The community maker's home, "I miei patti": overdue milestones first, then each pact. */
const MakerHome = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1">
          {translate('app.dashboard.maker_title')}
        </Typography>
        <Typography color="text.secondary">
          {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
      </div>
      <OverdueMilestonesWidget />
      <MyPactsWidget />
    </Stack>
  );
};

export default MakerHome;
