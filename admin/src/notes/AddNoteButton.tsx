import { NOTE_KINDS, type Pact } from '@generattivi/shared';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { MenuItem, TextField, type ButtonProps } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import { DialogButton, FormDialog, inlineButtonSx } from '../common/FormDialog';
import { useFormDialog } from '../common/useFormDialog';

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
  const dataProvider = useDataProvider();
  const dialog = useFormDialog({ kind: 'MEETING', body: '' });
  const { kind, body } = dialog.values;

  const submit = async () => {
    if (!dialog.required({ body: body.trim() })) return;
    await dialog.send(
      () => dataProvider.create('notes', { data: { pactId: pact.id, kind, body: body.trim() } }),
      'app.notes.added',
      { reference: pact.reference },
    );
  };

  return (
    <>
      <DialogButton
        dialog={dialog}
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
