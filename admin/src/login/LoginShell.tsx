import { CssBaseline } from '@mui/material';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { AdminContext, localStorageStore, Notification, type AuthProvider } from 'react-admin';
import { whenIdle } from '../common/whenIdle';
import { darkTheme, lightTheme } from '../layout/theme';
import { i18nProvider } from '../providers/i18nProvider';
import { LoginPage } from './LoginPage';
import { authProvider } from './session';
import { FORGOT_PASSWORD_PATH, SET_PASSWORD_PATH } from './paths';

const ForgotPasswordPage = lazy(() =>
  import('./PasswordPages').then((m) => ({ default: m.ForgotPasswordPage })),
);
const SetPasswordPage = lazy(() =>
  import('./PasswordPages').then((m) => ({ default: m.SetPasswordPage })),
);

/** The pages shown signed out, besides the login: they are never where the admin opens. */
export const PUBLIC_PAGES = ['/login', SET_PASSWORD_PATH, FORGOT_PASSWORD_PATH];

/** The path the page was opened at (a deep link), where the admin opens after signing in. */
function openedAt(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path && !PUBLIC_PAGES.some((p) => path.startsWith(p)) ? path : '/';
}

/** The path of the page's address (`#/imposta-password?token=…` → `/imposta-password`), kept current. */
function useHashPath(): string {
  const read = () => window.location.hash.replace(/^#/, '').split('?')[0];
  const [path, setPath] = useState(read);
  useEffect(() => {
    const update = () => setPath(read());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

/**
 * The login page on its own, without the admin around it: a phone on a weak network downloads
 * what signing in needs first, and the rest (`preload`) once the form is shown and the browser
 * idle, while the person types. Once signed in, `onSignedIn` hands over to the admin, at the
 * path the page was opened at.
 */
export const LoginShell = ({
  onSignedIn,
  preload,
}: {
  onSignedIn: () => void;
  preload: () => Promise<unknown>;
}) => {
  const store = useMemo(() => localStorageStore(), []);
  const shellAuthProvider = useMemo<AuthProvider>(() => {
    const redirectTo = openedAt();
    return {
      ...authProvider,
      async login(params) {
        await authProvider.login(params);
        onSignedIn();
        return { redirectTo };
      },
    };
  }, [onSignedIn]);

  useEffect(() => {
    // Once the form is on screen and the browser idle: nothing of the admin competes with
    // the login page. Failing here only means the admin is fetched when it is needed.
    whenIdle(() => {
      preload().catch(() => undefined);
    });
  }, [preload]);

  const path = useHashPath();
  const page =
    path === SET_PASSWORD_PATH ? (
      <SetPasswordPage />
    ) : path === FORGOT_PASSWORD_PATH ? (
      <ForgotPasswordPage />
    ) : (
      <LoginPage />
    );

  return (
    <AdminContext
      authProvider={shellAuthProvider}
      i18nProvider={i18nProvider}
      store={store}
      theme={lightTheme}
      darkTheme={darkTheme}
    >
      {/* As react-admin's AdminUI wraps its pages. */}
      <CssBaseline enableColorScheme>
        <Suspense fallback={null}>{page}</Suspense>
        <Notification />
      </CssBaseline>
    </AdminContext>
  );
};
