import { useEffect, useRef, type ReactNode } from 'react';
import {
  AppBar,
  AppBarClasses,
  Layout,
  LoadingIndicator,
  TitlePortal,
  LocalesMenuButton,
  ToggleThemeButton,
  UserMenu,
  useGetIdentity,
  useLocation,
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

/** The page title react-admin writes into the app bar is the page's heading: an h1. */
const AppAppBar = () => (
  <AppBar userMenu={<AppUserMenu />} toolbar={<AppToolbar />}>
    <TitlePortal className={AppBarClasses.title} {...{ component: 'h1' }} />
  </AppBar>
);

/** How long a page may take to render its own heading before the app bar title is used. */
const HEADING_WAIT_MS = 1500;

/**
 * On a page change, focus moves to the page's heading, so that keyboard and screen-reader
 * users start on the new page rather than on the link they left (WCAG 2.4.3): the page's own
 * h1 in main when it has one (home, pact), else the title in the app bar. It gives up as soon
 * as the user moves focus elsewhere.
 */
const FocusPageHeading = () => {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const startedOn = document.activeElement;
    const started = Date.now();
    let frame = 0;
    const visible = (el: Element | null): el is HTMLElement =>
      el instanceof HTMLElement && el.innerText.trim() !== '' && el.getClientRects().length > 0;
    const attempt = () => {
      if (document.activeElement !== startedOn && document.activeElement !== document.body) return;
      const own = document.querySelector('main h1');
      const title = document.getElementById('react-admin-title');
      const waited = Date.now() - started > HEADING_WAIT_MS;
      const heading = visible(own) ? own : waited && visible(title) ? title : null;
      if (!heading) {
        if (Date.now() - started < HEADING_WAIT_MS * 2) frame = requestAnimationFrame(attempt);
        return;
      }
      heading.tabIndex = -1;
      heading.focus();
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar}>
    <DocumentLanguage />
    <FocusPageHeading />
    {children}
  </Layout>
);
