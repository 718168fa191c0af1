import { lazy, StrictMode, Suspense, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginShell } from './login/LoginShell';
import { authProvider } from './login/session';
import { registerServiceWorker } from './serviceWorker';

/** The admin, fetched on its own: the login page does not wait for it. */
let appModule: Promise<typeof import('./App')> | undefined;
const loadApp = () => {
  appModule ??= import('./App').then((module) => {
    registerServiceWorker();
    return module;
  });
  return appModule;
};
const App = lazy(() => loadApp().then((module) => ({ default: module.App })));

/** Signed out: the login page alone. Signed in (now or by an earlier visit): the admin. */
const Root = () => {
  const [signedIn, setSignedIn] = useState(() => authProvider.getToken() !== undefined);
  const onSignedIn = useCallback(() => setSignedIn(true), []);
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
