import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import type { NotificationKind, NotificationRecord } from '@generattivi/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider, useNavigate, useTranslate } from 'react-admin';
import { formatDay } from '../common/format';
import type { AppDataProvider } from '../providers/dataProvider';

/** How often the unread count is read again while the page is open. */
const POLL_MS = 60_000;
/** The newest notifications shown when the bell is opened. */
const SHOWN = 20;

const TEXT: Record<NotificationKind, { named: string; hidden: string }> = {
  PACT_ASSIGNED: {
    named: 'app.notifications.assigned',
    hidden: 'app.notifications.assigned_hidden',
  },
  PACT_SENT_BACK: {
    named: 'app.notifications.sent_back',
    hidden: 'app.notifications.sent_back_hidden',
  },
};

/** What a notification says: the pact's reference, or no pact when its reader no longer sees it. */
export function useNotificationText() {
  const translate = useTranslate();
  return (n: NotificationRecord) =>
    n.reference === null
      ? translate(TEXT[n.kind].hidden)
      : translate(TEXT[n.kind].named, { reference: n.reference });
}

/**
 * The bell in the app bar: the unread count (read every minute and whenever the window gets
 * the focus back), and, opened, the newest notifications; one clicked is marked read and opens
 * its pact. Offline or on an error the bell stays, without a count.
 */
export const NotificationBell = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const text = useNotificationText();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(0);
  const [items, setItems] = useState<NotificationRecord[] | null>(null);
  const [failed, setFailed] = useState(false);

  const refreshCount = useCallback(() => {
    dataProvider.unreadNotifications().then(setCount, () => undefined);
  }, [dataProvider]);

  useEffect(() => {
    refreshCount();
    const timer = setInterval(refreshCount, POLL_MS);
    const onFocus = () => refreshCount();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refreshCount]);

  const load = useCallback(() => {
    setFailed(false);
    dataProvider
      .getList<NotificationRecord>('notifications', {
        pagination: { page: 1, perPage: SHOWN },
        sort: { field: 'id', order: 'DESC' },
        filter: {},
      })
      .then(
        ({ data }) => setItems(data),
        () => setFailed(true),
      );
    refreshCount();
  }, [dataProvider, refreshCount]);

  const openList = () => {
    setOpen(true);
    load();
  };

  const choose = async (n: NotificationRecord) => {
    if (n.readAt === null) await dataProvider.markNotificationRead(n.id).catch(() => undefined);
    setOpen(false);
    refreshCount();
    if (n.pactId !== null) navigate(`/pacts/${n.pactId}/show`);
  };

  const readAll = async () => {
    await dataProvider.markAllNotificationsRead().catch(() => undefined);
    load();
  };

  // The badge's text (none at 0, «99+» past 99) is part of the button's name, as it shows it.
  const shown = count > 99 ? '99+' : String(count);
  const label =
    count > 0
      ? translate('app.notifications.bell_unread', { smart_count: count, shown })
      : translate('app.notifications.bell');
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          ref={anchor}
          color="inherit"
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={openList}
          data-unread-count={count}
        >
          <Badge badgeContent={count > 0 ? shown : null} color="error">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={open}
        anchorEl={anchor.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{
          paper: {
            role: 'dialog',
            'aria-label': translate('app.notifications.title'),
            sx: { width: 'min(360px, calc(100vw - 16px))', maxHeight: '70vh' },
          },
        }}
      >
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            px: 2,
            pt: 1,
            gap: 1,
            flexWrap: 'wrap',
          }}
        >
          <Typography component="h2" variant="subtitle1">
            {translate('app.notifications.title')}
          </Typography>
          <Button size="small" onClick={readAll} disabled={!items?.some((n) => !n.readAt)}>
            {translate('app.notifications.mark_all')}
          </Button>
        </Box>
        {failed ? (
          <Typography sx={{ px: 2, py: 1 }}>{translate('app.notifications.load_error')}</Typography>
        ) : items && items.length === 0 ? (
          <Typography sx={{ px: 2, py: 1 }}>{translate('app.notifications.empty')}</Typography>
        ) : (
          <List dense aria-label={translate('app.notifications.title')}>
            {(items ?? []).map((n) => (
              <ListItemButton
                key={n.id}
                onClick={() => void choose(n)}
                data-notification={n.id}
                sx={{ alignItems: 'flex-start' }}
              >
                <ListItemText
                  primary={text(n)}
                  secondary={
                    n.readAt === null
                      ? `${formatDay(n.createdAt)} · ${translate('app.notifications.unread')}`
                      : formatDay(n.createdAt)
                  }
                  slotProps={{
                    primary: { sx: { fontWeight: n.readAt === null ? 700 : 400 } },
                  }}
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </Popover>
    </>
  );
};
