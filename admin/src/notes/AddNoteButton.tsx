import { NOTE_KINDS, type NoteKind, type Pact } from '@generattivi/shared';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { Button, MenuItem, TextField, type ButtonProps } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { useDialogMutation } from '../common/useDialogMutation';

/**
 * "Aggiungi nota": one click opens the dialog (kind, text), one click saves the diary note
 * (`POST /api/notes`; it happened now). Notes are append-only: a correction is a new note.
 */
export const AddNoteButton = ({
  pact,
  size = 'large',
  variant = 'outlined',
}: {
  pact: Pick<Pact, 'id' | 'reference'>;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<NoteKind>('MEETING');
  const [body, setBody] = useState('');
  const { sending, errors, setErrors, refusal, run, reset } = useDialogMutation();

  const close = () => {
    reset();
    setOpen(false);
  };

  const submit = async () => {
    if (!body.trim()) {
      setErrors({ body: translate('ra.validation.required') });
      return;
    }
    const saved = await run(() =>
      dataProvider.create('notes', { data: { pactId: pact.id, kind, body: body.trim() } }),
    );
    if (!saved) return;
    notify('app.notes.added', { type: 'success', messageArgs: { reference: pact.reference } });
    setBody('');
    setOpen(false);
    refresh();
  };

  return (
    <>
      <Button
        variant={variant}
        size={size}
        startIcon={<NoteAddIcon />}
        onClick={() => setOpen(true)}
        aria-label={translate('app.notes.add_named', { reference: pact.reference })}
        sx={{ minHeight: 48, whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        {translate('app.pacts.add_note')}
      </Button>
      {open ? (
        <FormDialog
          title={`${translate('app.pacts.add_note')} — ${pact.reference}`}
          open={open}
          onClose={close}
          onSubmit={submit}
          submitLabel={translate('ra.action.save')}
          sending={sending}
          refusal={refusal}
        >
          <TextField
            select
            label={translate('resources.notes.fields.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as NoteKind)}
            error={!!errors.kind}
            helperText={errors.kind}
          >
            {NOTE_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`enums.noteKind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('resources.notes.fields.body')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            multiline
            minRows={4}
            required
            autoFocus
            error={!!errors.body}
            helperText={errors.body}
          />
        </FormDialog>
      ) : null}
    </>
  );
};
