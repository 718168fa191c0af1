import SearchIcon from '@mui/icons-material/Search';
import { Button, IconButton, Tooltip, useMediaQuery, type Theme } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

/** The dialog is loaded the first time it opens: the first load stays as small as it was. */
const SearchDialog = lazy(() => import('./SearchDialog'));

/** Ctrl+K, or ⌘K on a Mac. */
const isShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';

/**
 * The search box of the app bar: a button ("Cerca", an icon alone on a phone) that opens the
 * search dialog, as do Ctrl+K and ⌘K anywhere in the admin.
 */
export const GlobalSearch = () => {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const label = translate('app.search.open');
  const common = {
    onClick: () => setOpen(true),
    color: 'inherit' as const,
    'aria-keyshortcuts': 'Control+K Meta+K',
    'aria-haspopup': 'dialog' as const,
  };
  return (
    <>
      {phone ? (
        <IconButton {...common} aria-label={label}>
          <SearchIcon />
        </IconButton>
      ) : (
        <Tooltip title={translate('app.search.shortcut')} describeChild>
          <Button {...common} startIcon={<SearchIcon />} sx={{ textTransform: 'none', mr: 1 }}>
            {label}
          </Button>
        </Tooltip>
      )}
      {open ? (
        <Suspense fallback={null}>
          <SearchDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
};
