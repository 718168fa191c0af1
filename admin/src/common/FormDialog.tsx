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
  type ButtonProps,
  type Theme,
} from '@mui/material';
import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { FormDialogState } from './useFormDialog';
import { VersionConflictNotice } from './VersionConflictNotice';

/**
 * A small form in a dialog (mounted while `dialog` is open), full screen on a phone: the
 * fields, the server's refusal when there is one (a stale version with "Ricarica"), Cancel
 * and the action, which shows it is sending. Enter submits.
 */
export const FormDialog = ({
  dialog,
  title,
  onSubmit,
  submitLabel,
  refusalNotice,
  submitDisabled = false,
  submitColor = 'primary',
  children,
}: {
  dialog: FormDialogState;
  title: string;
  onSubmit: () => void;
  submitLabel: string;
  /** The caller's own wording of a refusal, when it needs more than a message (a list of rules). */
  refusalNotice?: ReactNode;
  submitDisabled?: boolean;
  submitColor?: 'primary' | 'error' | 'success';
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const id = useId();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { open, onClose, sending, refusal } = dialog.props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // React passes events up through the portal: a dialog opened from inside a record's form
    // (Passa i patti on the user form) must not submit that form too.
    event.stopPropagation();
    if (!sending) onSubmit();
  };
  if (!open) return null;
  return (
    <Dialog
      open
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
            {refusalNotice !== undefined ? (
              refusalNotice
            ) : refusal?.kind === 'version' ? (
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

/** The button that opens a form dialog; its own `onClick` runs first (to prepare the fields). */
export const DialogButton = ({
  dialog,
  onClick,
  ...button
}: ButtonProps & { dialog: FormDialogState }) => (
  <Button
    {...button}
    onClick={(event) => {
      onClick?.(event);
      dialog.show();
    }}
  />
);

/** A dialog button that keeps to one line beside a list item or a card's title. */
export const inlineButtonSx = { minHeight: 48, whiteSpace: 'nowrap', flexShrink: 0 } as const;
