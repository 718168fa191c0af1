import CloudOffIcon from '@mui/icons-material/CloudOff';
import { Alert, Button, Chip } from '@mui/material';
import { useEffect } from 'react';
import { useLogout, useRefresh, useTranslate } from 'react-admin';
import {
  flushOutbox,
  onOutboxSent,
  refreshSnapshot,
  useOfflineView,
  watchNetwork,
  type OfflineView,
} from './client';
import { offlineMessage } from './offlineMessage';
import { SNAPSHOT_MAX_AGE_MS, type SnapshotSource } from './snapshot';

let source: SnapshotSource | undefined;

/** Where the snapshot is read from: the data provider on the network (not the device's). */
export function setSnapshotSource(network: SnapshotSource): void {
  source = network;
}

/**
 * Keeps the device in step (no output): on start (after sign-in too) and when the network
 * returns it sends the outbox, then takes a new snapshot of a community maker's work (at
 * most every few minutes while the app is open); the page refreshes when entries were sent.
 */
export const OfflineSync = () => {
  const refresh = useRefresh();
  useEffect(() => {
    const sync = (force: boolean) => {
      void flushOutbox().then(() => (source ? refreshSnapshot(source, force) : undefined));
    };
    const unwatch = watchNetwork(() => sync(true));
    const unsent = onOutboxSent(refresh);
    sync(false);
    const timer = setInterval(() => sync(false), SNAPSHOT_MAX_AGE_MS);
    return () => {
      unwatch();
      unsent();
      clearInterval(timer);
    };
  }, [refresh]);
  return null;
};

const pendingCount = (view: OfflineView) =>
  view.entries.filter((e) => e.state === 'pending').length;

/**
 * On every page while offline: "Offline — dati aggiornati alle 10:42". When the session
 * expired with entries to send: the count, and a button to sign in again.
 */
export const OfflineBanner = () => {
  const view = useOfflineView();
  const translate = useTranslate();
  const logout = useLogout();
  const pending = pendingCount(view);
  return (
    <>
      {view.offline ? (
        <Alert
          severity="warning"
          icon={<CloudOffIcon />}
          role="status"
          data-offline-banner
          sx={{ mb: 1 }}
        >
          {offlineMessage(view.syncedAt, translate)}
        </Alert>
      ) : null}
      {view.sessionExpired && pending > 0 ? (
        <Alert
          severity="error"
          role="alert"
          sx={{ mb: 1 }}
          action={
            // The outbox stays on the device: it is sent after signing in again.
            <Button color="inherit" onClick={() => void logout()}>
              {translate('app.offline.sign_in_again')}
            </Button>
          }
        >
          {translate('app.offline.session_expired', { smart_count: pending })}
        </Alert>
      ) : null}
    </>
  );
};

/** The count of entries waiting to be sent, in the app bar (nothing when none). */
export const OutboxCount = () => {
  const view = useOfflineView();
  const translate = useTranslate();
  const pending = pendingCount(view);
  if (pending === 0) return null;
  return (
    <Chip
      size="small"
      color="warning"
      label={translate('app.offline.pending_count', { smart_count: pending })}
      aria-label={translate('app.offline.pending_count_label', { smart_count: pending })}
      role="status"
      data-outbox-count={pending}
      sx={{ mx: 0.5 }}
    />
  );
};
