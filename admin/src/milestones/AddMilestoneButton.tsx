import { addDays, todayIso, type Pact } from '@generattivi/shared';
import AddIcon from '@mui/icons-material/Add';
import { Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { useDialogMutation } from '../common/useDialogMutation';

/** "Aggiungi tappa" on the pact page: title, due date, description (`POST /api/milestones`). */
export const AddMilestoneButton = ({ pact }: { pact: Pact }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState(() => addDays(todayIso(), 30));
  const [description, setDescription] = useState('');
  const { sending, errors, setErrors, refusal, run, reset } = useDialogMutation();

  const close = () => {
    reset();
    setOpen(false);
  };

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!title.trim()) missing.title = translate('ra.validation.required');
    if (!dueDate) missing.dueDate = translate('ra.validation.required');
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    const saved = await run(() =>
      dataProvider.create('milestones', {
        data: {
          pactId: pact.id,
          title: title.trim(),
          dueDate,
          ...(description.trim() ? { description: description.trim() } : {}),
        },
      }),
    );
    if (!saved) return;
    notify('app.milestones.added', { type: 'success', messageArgs: { title: title.trim() } });
    setTitle('');
    setDescription('');
    setOpen(false);
    refresh();
  };

  return (
    <>
      <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('app.pacts.add_milestone')}
      </Button>
      {open ? (
        <FormDialog
          title={`${translate('app.pacts.add_milestone')} — ${pact.reference}`}
          open={open}
          onClose={close}
          onSubmit={submit}
          submitLabel={translate('ra.action.save')}
          sending={sending}
          refusal={refusal}
        >
          <TextField
            label={translate('resources.milestones.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            autoFocus
            error={!!errors.title}
            helperText={errors.title}
          />
          <TextField
            type="date"
            label={translate('resources.milestones.fields.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            required
            error={!!errors.dueDate}
            helperText={errors.dueDate}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={translate('resources.milestones.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={2}
            error={!!errors.description}
            helperText={errors.description}
          />
        </FormDialog>
      ) : null}
    </>
  );
};
