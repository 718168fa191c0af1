import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { ServerRefusal } from './serverErrors';
import { VersionConflictNotice } from './VersionConflictNotice';

/**
 * A small form in a dialog, full screen on a phone: the fields, the server's refusal when
 * there is one (a stale version with "Ricarica"), Cancel and the action. Enter submits.
 */
export const FormDialog = ({
  title,
  open,
  onClose,
  onSubmit,
  submitLabel,
  sending,
  refusal,
  submitDisabled = false,
  submitColor = 'primary',
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  sending: boolean;
  /** Shown by the caller itself when it needs more than a message (a list of rules). */
  refusal?: ServerRefusal | null;
  submitDisabled?: boolean;
  submitColor?: 'primary' | 'error' | 'success';
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const id = useId();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sending) onSubmit();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      fullScreen={phone}
      aria-labelledby={`${id}-title`}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            {refusal?.kind === 'version' ? (
              <VersionConflictNotice onReload={onClose} />
            ) : refusal && refusal.kind !== 'fields' ? (
              <Alert severity="error" role="alert">
                {refusal.message}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2, gap: 1 }}>
          <Button onClick={onClose} size="large">
            {translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            size="large"
            color={submitColor}
            disabled={sending || submitDisabled}
            startIcon={sending ? <CircularProgress size={18} color="inherit" aria-hidden /> : null}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
