import type { Role } from '@generattivi/shared';
import { Box } from '@mui/material';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Loading, Title, usePermissions } from 'react-admin';
import { WelcomeCard } from './WelcomeCard';

/** One home per role, each loaded on its own: a community maker's phone never downloads charts. */
const HOMES: Record<Role, LazyExoticComponent<ComponentType>> = {
  COMMUNITY_MAKER: lazy(() => import('./MakerHome')),
  SOCIAL_WORKER: lazy(() => import('./SocialWorkerHome')),
  MANAGER: lazy(() => import('./ManagerHome')),
  ADMIN: lazy(() => import('./AdminHome')),
};

/** The dashboard shows the home of the signed-in user's role. */
export const Dashboard = () => {
  const { permissions: role, isPending } = usePermissions<Role | undefined>();
  const Home = role ? HOMES[role] : undefined;
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="ra.page.dashboard" />
      {isPending ? (
        <Loading />
      ) : Home ? (
        <Suspense fallback={<Loading />}>
          <Home />
        </Suspense>
      ) : (
        <WelcomeCard />
      )}
    </Box>
  );
};
