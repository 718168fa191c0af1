import { Stack } from '@mui/material';
import { Title } from 'react-admin';
import { WelcomeCard } from './WelcomeCard';

export const Dashboard = () => (
  <Stack spacing={2} sx={{ mt: 2 }}>
    <Title title="ra.page.dashboard" />
    <WelcomeCard />
  </Stack>
);
