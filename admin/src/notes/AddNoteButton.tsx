import { NOTE_KINDS, type Pact } from '@generattivi/shared';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { MenuItem, TextField, type ButtonProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DialogButton, FormDialog, inlineButtonSx } from '../common/FormDialog';
import { submitNote } from '../offline/client';
import { useFormDialog } from '../common/useFormDialog';
import { occurredAtRefusal, toLocalInput } from './occurredAt';

/**
 * "Aggiungi nota": one click opens the dialog (kind, when it happened — now unless changed —
 * and text), one click saves the diary note (`POST /api/notes`, through the outbox: offline it
 * waits on the device). A moment in the future or
 * before the pact was created is refused before sending. Notes are append-only: a correction
 * is a new note.
 */
export const AddNoteButton = ({
  pact,
  size = 'large',
  variant = 'outlined',
}: {
  pact: Pick<Pact, 'id' | 'reference' | 'createdAt'>;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}) => {
  const translate = useTranslate();
  const dialog = useFormDialog({ kind: 'MEETING', occurredAt: '', body: '' });
  const { kind, occurredAt, body } = dialog.values;

  const submit = async () => {
    if (!dialog.required({ occurredAt, body: body.trim() })) return;
    const refusal = occurredAtRefusal(occurredAt, pact.createdAt);
    if (refusal) {
      dialog.setErrors({
        occurredAt: translate(`app.error_codes.${refusal.code}`, refusal.params),
      });
      return;
    }
    const data = {
      pactId: pact.id,
      kind,
      occurredAt: new Date(occurredAt).toISOString(),
      body: body.trim(),
    };
    // Through the outbox: without network it is kept on the device and sent later.
    await dialog.send(
      () => submitNote(data),
      (result) => (result === 'queued' ? 'app.offline.queued' : 'app.notes.added'),
      { reference: pact.reference },
    );
  };

  return (
    <>
      <DialogButton
        dialog={dialog}
        // A new note happened now, unless the person says otherwise.
        onClick={() => {
          if (!body) dialog.set('occurredAt', toLocalInput(new Date()));
        }}
        variant={variant}
        size={size}
        startIcon={<NoteAddIcon />}
        aria-label={translate('app.notes.add_named', { reference: pact.reference })}
        sx={inlineButtonSx}
      >
        {translate('app.pacts.add_note')}
      </DialogButton>
      <FormDialog
        dialog={dialog}
        title={`${translate('app.pacts.add_note')} — ${pact.reference}`}
        onSubmit={submit}
        submitLabel={translate('ra.action.save')}
      >
        <TextField
          select
          label={translate('resources.notes.fields.kind')}
          {...dialog.field('kind')}
        >
          {NOTE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`enums.noteKind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="datetime-local"
          label={translate('resources.notes.fields.occurredAt')}
          {...dialog.field('occurredAt')}
          required
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { max: toLocalInput(new Date()) },
          }}
        />
        <TextField
          label={translate('resources.notes.fields.body')}
          {...dialog.field('body')}
          multiline
          minRows={4}
          required
          autoFocus
        />
      </FormDialog>
    </>
  );
};
