import PersonIcon from '@mui/icons-material/Person';
import TranslateIcon from '@mui/icons-material/Translate';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  ListItemIcon,
  ListItemText,
  ListSubheader,
  MenuItem,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import {
  AppBar,
  AppBarClasses,
  Layout,
  LoadingIndicator,
  TitlePortal,
  LocalesMenuButton,
  Menu,
  ToggleThemeButton,
  UserMenu,
  useCanAccess,
  useGetIdentity,
  useLoading,
  useLocales,
  useLocation,
  useLocaleState,
  useNavigate,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { OfflineBanner, OfflineSync, OutboxCount } from '../offline/OfflineBanner';
import { SignOutItem } from '../offline/SignOutItem';
import { GlobalSearch } from './GlobalSearch';
import { authProvider } from '../login/session';
import { PHONE } from './theme';

/** Below 600 px the app bar has no room for the language button: it is in the user menu. */
const usePhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

/** Keeps `<html lang>` on the language on screen, for screen readers and hyphenation. */
const DocumentLanguage = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
};

/** The languages, as items of the user menu (on a phone, where the app bar has no room). */
const LanguageItems = () => {
  const translate = useTranslate();
  const languages = useLocales();
  const [locale, setLocale] = useLocaleState();
  const menu = useUserMenu();
  return (
    <>
      <ListSubheader>{translate('app.layout.language')}</ListSubheader>
      {languages.map((language) => (
        <MenuItem
          key={language.locale}
          lang={language.locale}
          selected={language.locale === locale}
          aria-current={language.locale === locale ? 'true' : undefined}
          onClick={() => {
            setLocale(language.locale);
            menu?.onClose();
          }}
        >
          <ListItemIcon>
            <TranslateIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{language.name}</ListItemText>
        </MenuItem>
      ))}
    </>
  );
};

/** «Profilo»: the person's own settings (the e-mail digest). */
const ProfileItem = () => {
  const translate = useTranslate();
  const menu = useUserMenu();
  const navigate = useNavigate();
  return (
    <MenuItem
      onClick={() => {
        menu?.onClose();
        navigate('/profile');
      }}
    >
      <ListItemIcon>
        <PersonIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.profile.menu')}</ListItemText>
    </MenuItem>
  );
};

/**
 * The user menu button shows the person's name: its accessible name must include it
 * (WCAG 2.5.3, "label in name"), not only say "Profilo". On a phone the button is an icon
 * alone, and the menu also offers the languages.
 */
const AppUserMenu = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const phone = usePhone();
  const menu = translate('ra.auth.user_menu');
  // The icon alone is named by react-admin, from a translation key.
  const label = phone
    ? 'ra.auth.user_menu'
    : identity?.fullName
      ? `${identity.fullName} — ${menu}`
      : menu;
  return (
    <UserMenu label={label}>
      <ProfileItem />
      {phone ? <LanguageItems /> : null}
      <SignOutItem />
    </UserMenu>
  );
};

/**
 * react-admin's toolbar (language, theme, reload), with a name for the spinner it shows while
 * loading: an unnamed progressbar fails WCAG 4.1.2 (axe "aria-progressbar-name").
 */
const AppToolbar = () => {
  const translate = useTranslate();
  // LoadingIndicator passes unknown props to its CircularProgress.
  const named = { 'aria-label': translate('ra.page.loading') };
  const phone = usePhone();
  return (
    <>
      <GlobalSearch />
      <OutboxCount />
      <NotificationBell />
      {phone ? null : <LocalesMenuButton />}
      <ToggleThemeButton />
      <LoadingIndicator {...named} />
    </>
  );
};

/**
 * The app bar shows the page title react-admin writes there; it is a heading only for want of
 * one. On a phone it fits the screen: the title shrinks to one line ending in "…".
 */
const AppAppBar = () => (
  <AppBar
    userMenu={<AppUserMenu />}
    toolbar={<AppToolbar />}
    sx={{
      [PHONE]: {
        '& .RaAppBar-toolbar': { pl: 0.5, pr: 0.5, minWidth: 0 },
        // One block line that ends in "…", whatever the page puts inside.
        [`& .${AppBarClasses.title}`]: {
          display: 'block',
          minWidth: 0,
          flex: '1 1 0',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        },
        [`& .${AppBarClasses.title} *`]: { display: 'inline' },
      },
    }}
  >
    <TitlePortal className={AppBarClasses.title} {...{ component: 'div' }} />
  </AppBar>
);

const shown = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement &&
  el.innerText.trim() !== '' &&
  (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);

/** The page's own heading: a visible h1 in main. */
const ownHeading = () => Array.from(document.querySelectorAll('main h1')).find(shown);

/**
 * One h1 per page (WCAG 1.3.1, 2.4.6): the page's own h1 in main when it has one (home, pact);
 * on the other pages the title in the app bar is the page's level-1 heading.
 */
const OnePageHeading = () => {
  useEffect(() => {
    // The whole document is watched: the layout may render main and the app bar anew, and a
    // page just left can stay in the document a while, hidden.
    const update = () => {
      const title = document.getElementById('react-admin-title');
      if (!title) return;
      if (ownHeading()) {
        title.removeAttribute('role');
        title.removeAttribute('aria-level');
      } else if (title.getAttribute('role') !== 'heading') {
        title.setAttribute('role', 'heading');
        title.setAttribute('aria-level', '1');
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'hidden'],
    });
    return () => observer.disconnect();
  }, []);
  return null;
};

/** How long a page may take to render its own heading (the pact's waits for its record). */
const HEADING_WAIT_MS = 3000;
/** Frames with nothing loading after which a page without its own h1 counts as rendered. */
const QUIET_FRAMES = 5;

/**
 * On a page change, focus moves to the page's heading, so that keyboard and screen-reader
 * users start on the new page rather than on the link they left (WCAG 2.4.3): the page's own
 * h1 in main when it has one (home, pact), else, once nothing loads, the title in the app bar
 * (left for the page's own h1 if that comes later). It gives up as soon as the user moves
 * focus elsewhere, presses a key or a pointer, or a dialog is open.
 */
const FocusPageHeading = () => {
  const { pathname } = useLocation();
  const loading = useLoading();
  const loadingNow = useRef(loading);
  loadingNow.current = loading;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const startedOn = document.activeElement;
    const started = Date.now();
    let frame = 0;
    let quiet = 0;
    let focused: HTMLElement | null = null;
    const focus = (heading: HTMLElement) => {
      heading.tabIndex = -1;
      heading.focus();
      focused = heading;
    };
    // The person acting first (a key, a click, a dialog such as the search opened meanwhile)
    // keeps their focus: a late heading never takes it from them.
    let acted = false;
    const act = () => {
      acted = true;
    };
    document.addEventListener('keydown', act, true);
    document.addEventListener('pointerdown', act, true);
    const attempt = () => {
      const active = document.activeElement;
      if (acted || document.querySelector('[role="dialog"]')) return;
      if (active !== startedOn && active !== document.body && active !== focused) return;
      const own = ownHeading();
      if (own) {
        if (own !== focused) focus(own);
        return;
      }
      quiet = loadingNow.current ? 0 : quiet + 1;
      const title = document.getElementById('react-admin-title');
      if (!focused && quiet >= QUIET_FRAMES && shown(title)) focus(title);
      if (Date.now() - started < HEADING_WAIT_MS) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('keydown', act, true);
      document.removeEventListener('pointerdown', act, true);
    };
  }, [pathname]);
  return null;
};

/** The resources, and «Importa» for whoever may import (ADMIN, social workers). */
const AppMenu = () => {
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {canAccess ? (
        <Menu.Item to="/import" primaryText="app.imports.menu" leftIcon={<UploadFileIcon />} />
      ) : null}
    </Menu>
  );
};

const ChangePasswordForm = lazy(() =>
  import('../login/PasswordPages').then((m) => ({ default: m.ChangePasswordForm })),
);

/**
 * While the password is one an administrator set, every page is «Cambia la password»; once
 * changed, the page loads again with the new session.
 */
const UnlessPasswordToChange = ({ children }: { children: ReactNode }) =>
  authProvider.getUser()?.mustChangePassword ? (
    <Suspense fallback={null}>
      <ChangePasswordForm onChanged={() => window.location.reload()} />
    </Suspense>
  ) : (
    children
  );

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout
    appBar={AppAppBar}
    menu={AppMenu}
    // On a phone the page may not grow wider than the screen for a wide child (react-admin
    // sizes it to fit its content; a row of tabs, a long word): the child scrolls or wraps.
    sx={{
      [PHONE]: {
        minWidth: 0,
        '& .RaLayout-content, & .RaShow-card, & .RaEdit-card, & .RaCreate-card': { minWidth: 0 },
      },
    }}
  >
    <DocumentLanguage />
    <OnePageHeading />
    <FocusPageHeading />
    <OfflineSync />
    <OfflineBanner />
    <UnlessPasswordToChange>{children}</UnlessPasswordToChange>
  </Layout>
);
