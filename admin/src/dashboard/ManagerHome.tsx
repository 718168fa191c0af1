import { Stack, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { CaseloadWidget } from './CaseloadWidget';
import { OutcomesWidget } from './OutcomesWidget';

/** The manager's home: outcomes across the three territories, read-only. */
const ManagerHome = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1">
          {translate('app.dashboard.manager_title')}
        </Typography>
        <Typography color="text.secondary">
          {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
      </div>
      <OutcomesWidget />
      <CaseloadWidget people="socialWorkers" />
      <CaseloadWidget people="communityMakers" />
    </Stack>
  );
};

export default ManagerHome;
