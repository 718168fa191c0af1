import { addDays, todayIso, type Pact } from '@generattivi/shared';
import AddIcon from '@mui/icons-material/Add';
import { TextField } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import { DialogButton, FormDialog } from '../common/FormDialog';
import { useFormDialog } from '../common/useFormDialog';

/** "Aggiungi tappa" on the pact page: title, due date, description (`POST /api/milestones`). */
export const AddMilestoneButton = ({ pact }: { pact: Pact }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const dialog = useFormDialog({ title: '', dueDate: addDays(todayIso(), 30), description: '' });
  const title = dialog.values.title.trim();
  const description = dialog.values.description.trim();
  const { dueDate } = dialog.values;

  const submit = async () => {
    if (!dialog.required({ title, dueDate })) return;
    await dialog.send(
      () =>
        dataProvider.create('milestones', {
          data: { pactId: pact.id, title, dueDate, ...(description ? { description } : {}) },
        }),
      'app.milestones.added',
      { title },
    );
  };

  return (
    <>
      <DialogButton dialog={dialog} variant="contained" startIcon={<AddIcon />}>
        {translate('app.pacts.add_milestone')}
      </DialogButton>
      <FormDialog
        dialog={dialog}
        title={`${translate('app.pacts.add_milestone')} — ${pact.reference}`}
        onSubmit={submit}
        submitLabel={translate('ra.action.save')}
      >
        <TextField
          label={translate('resources.milestones.fields.title')}
          {...dialog.field('title')}
          required
          autoFocus
        />
        <TextField
          type="date"
          label={translate('resources.milestones.fields.dueDate')}
          {...dialog.field('dueDate')}
          required
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={translate('resources.milestones.fields.description')}
          {...dialog.field('description')}
          multiline
          minRows={2}
        />
      </FormDialog>
    </>
  );
};
