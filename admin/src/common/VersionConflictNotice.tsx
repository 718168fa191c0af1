import { Alert, Button } from '@mui/material';
import { useCloseNotification, useRefresh, useTranslate } from 'react-admin';

/**
 * A 409 on a stale version, in plain words: someone else saved the record after it was
 * opened. "Ricarica" fetches the current version (the form shows it), then the user
 * repeats the change.
 */
export const VersionConflictNotice = ({ onReload }: { onReload?: () => void }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  return (
    <Alert
      severity="warning"
      variant="standard"
      role="alert"
      sx={{ boxShadow: 3 }}
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
      {translate('app.errors.version_conflict')}
    </Alert>
  );
};

/** The same notice inside react-admin's notification: "Ricarica" also closes it. */
export const VersionConflictNotification = () => {
  const close = useCloseNotification();
  return <VersionConflictNotice onReload={close} />;
};
