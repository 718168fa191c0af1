import { useEffect, type ReactNode } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  ToggleThemeButton,
  UserMenu,
  useGetIdentity,
  useLocaleState,
  useTranslate,
} from 'react-admin';

/** Keeps `<html lang>` on the language on screen, for screen readers and hyphenation. */
const DocumentLanguage = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
};

/**
 * The user menu button shows the person's name: its accessible name must include it
 * (WCAG 2.5.3, "label in name"), not only say "Profilo".
 */
const AppUserMenu = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const menu = translate('ra.auth.user_menu');
  return <UserMenu label={identity?.fullName ? `${identity.fullName} — ${menu}` : menu} />;
};

/**
 * react-admin's toolbar (language, theme, reload), with a name for the spinner it shows while
 * loading: an unnamed progressbar fails WCAG 4.1.2 (axe "aria-progressbar-name").
 */
const AppToolbar = () => {
  const translate = useTranslate();
  // LoadingIndicator passes unknown props to its CircularProgress.
  const named = { 'aria-label': translate('ra.page.loading') };
  return (
    <>
      <LocalesMenuButton />
      <ToggleThemeButton />
      <LoadingIndicator {...named} />
    </>
  );
};

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} toolbar={<AppToolbar />} />;

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar}>
    <DocumentLanguage />
    {children}
  </Layout>
);
