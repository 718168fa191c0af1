import { Alert, Button } from '@mui/material';
import type { ReactNode } from 'react';
import { useCloseNotification, useRefresh, useTranslate } from 'react-admin';

/**
 * A warning that the record changed under the user, with "Ricarica": it fetches the
 * current version (the page shows it), then `onReload` (closing the dialog or notification).
 */
export const ReloadNotice = ({
  onReload,
  raised = false,
  children,
}: {
  onReload?: () => void;
  /** Floats above the page (in a notification). */
  raised?: boolean;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  return (
    <Alert
      severity="warning"
      variant="standard"
      role="alert"
      sx={raised ? { boxShadow: 3 } : undefined}
      action={
        <Button
          color="inherit"
          variant="outlined"
          size="small"
          onClick={() => {
            refresh();
            onReload?.();
          }}
        >
          {translate('app.errors.reload')}
        </Button>
      }
    >
      {children}
    </Alert>
  );
};

/**
 * A 409 on a stale version, in plain words: someone else saved the record after it was
 * opened. "Ricarica" fetches the current version (the form shows it), then the user
 * repeats the change.
 */
export const VersionConflictNotice = ({ onReload }: { onReload?: () => void }) => {
  const translate = useTranslate();
  return (
    <ReloadNotice onReload={onReload} raised>
      {translate('app.errors.version_conflict')}
    </ReloadNotice>
  );
};

/** The same notice inside react-admin's notification: "Ricarica" also closes it. */
export const VersionConflictNotification = () => {
  const close = useCloseNotification();
  return <VersionConflictNotice onReload={close} />;
};
