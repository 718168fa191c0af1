import { Stack } from '@mui/material';
import { CaseloadWidget } from './CaseloadWidget';
import { OutcomesWidget } from './OutcomesWidget';
import { HomeHeading } from './HomeHeading';

/** The manager's home: outcomes across the three territories, read-only. */
const ManagerHome = () => {
  return (
    <Stack spacing={2}>
      <HomeHeading title="app.dashboard.manager_title" />
      <OutcomesWidget />
      <CaseloadWidget people="socialWorkers" />
      <CaseloadWidget people="communityMakers" />
    </Stack>
  );
};

export default ManagerHome;
