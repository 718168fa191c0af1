import type { Role } from '@generattivi/shared';
import { lazy, StrictMode, Suspense, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginShell } from './login/LoginShell';
import { SET_PASSWORD_PATH } from './login/paths';
import { authProvider } from './login/session';
import { loadWording } from './providers/i18nProvider';
import { registerServiceWorker } from './serviceWorker';

/**
 * The admin, fetched on its own (the login page does not wait for it) with its wording: it is
 * rendered once both are in, so no page shows a raw key.
 */
let appModule: Promise<typeof import('./App')> | undefined;
const loadApp = () => {
  appModule ??= Promise.all([import('./App'), loadWording()]).then(([module]) => {
    registerServiceWorker();
    return module;
  });
  return appModule;
};
/**
 * The home of each role, fetched as soon as the role is known, beside the admin rather than
 * after it (the dashboard then finds the same chunk already there).
 */
const HOMES: Record<Role, () => Promise<unknown>> = {
  COMMUNITY_MAKER: () => import('./dashboard/MakerHome'),
  SOCIAL_WORKER: () => import('./dashboard/SocialWorkerHome'),
  MANAGER: () => import('./dashboard/ManagerHome'),
  ADMIN: () => import('./dashboard/AdminHome'),
};
const preloadHome = async () => {
  const role = (await authProvider.getPermissions?.({})) as Role | undefined;
  // Failing here only means the dashboard fetches it when it is shown.
  if (role && role in HOMES) await HOMES[role]().catch(() => undefined);
};

const App = lazy(() => loadApp().then((module) => ({ default: module.App })));

/**
 * A session of an earlier visit (sessionStorage): the admin and the home load at once; but a
 * mailed link to set a password opens its page, signed in or not.
 */
const signedInAtStart =
  authProvider.getToken() !== undefined &&
  !window.location.hash.startsWith(`#${SET_PASSWORD_PATH}`);
if (signedInAtStart) void preloadHome();

/** Signed out: the login page alone. Signed in (now or by an earlier visit): the admin. */
const Root = () => {
  const [signedIn, setSignedIn] = useState(signedInAtStart);
  const onSignedIn = useCallback(() => {
    void preloadHome();
    setSignedIn(true);
  }, []);
  return signedIn ? (
    <Suspense fallback={null}>
      <App />
    </Suspense>
  ) : (
    <LoginShell onSignedIn={onSignedIn} preload={loadApp} />
  );
};

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
