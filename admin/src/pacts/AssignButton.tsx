import type { Pact, Role, User } from '@generattivi/shared';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { DialogContentText, TextField } from '@mui/material';
import { useState } from 'react';
import {
  useDataProvider,
  useGetList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ColleaguePicker } from '../assignments/ColleaguePicker';
import { DialogButton, FormDialog } from '../common/FormDialog';
import { useFormDialog, type FormDialogState } from '../common/useFormDialog';
import type { AppDataProvider } from '../providers/dataProvider';
import { canAssignMaker } from './pactPermissions';

/** Offers only the active community makers of the pact's territory. */
const AssignDialog = ({ pact, dialog }: { pact: Pact; dialog: FormDialogState }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: makers = [], isPending } = useGetList<User>('users', {
    filter: { role: 'COMMUNITY_MAKER', territoryIds: pact.territoryId, active: true },
    sort: { field: 'fullName', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const choices = makers.filter((m) => m.id !== pact.communityMakerId);
  const [makerId, setMakerId] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const { errors } = dialog;

  const submit = async () => {
    if (!dialog.required({ communityMakerId: makerId })) return;
    await dialog.send(
      () =>
        dataProvider.assignPact(pact.id, {
          communityMakerId: Number(makerId),
          version: pact.version,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        }),
      'app.assign.done',
      { name: makers.find((m) => m.id === makerId)?.fullName ?? '' },
    );
  };

  return (
    <FormDialog
      dialog={dialog}
      title={`${translate('app.assign.title')} — ${pact.reference}`}
      onSubmit={submit}
      submitLabel={translate('app.assign.confirm')}
      submitDisabled={!isPending && choices.length === 0}
    >
      <DialogContentText>{translate('app.assign.explain')}</DialogContentText>
      <ColleaguePicker
        label={translate('resources.pacts.fields.communityMakerId')}
        none="app.assign.none"
        choices={choices}
        isPending={isPending}
        value={makerId}
        onChange={setMakerId}
        error={errors.communityMakerId}
      />
      <TextField
        label={translate('app.transitions.reason_optional')}
        multiline
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={!!errors.reason}
        helperText={errors.reason}
      />
    </FormDialog>
  );
};

/** "Assegna community maker": ADMIN and SOCIAL_WORKER, on open pacts. */
export const AssignButton = ({ pact: pactProp }: { pact?: Pact }) => {
  const recordPact = useRecordContext<Pact>();
  const pact = pactProp ?? recordPact;
  const { permissions: role } = usePermissions<Role | undefined>();
  const translate = useTranslate();
  const dialog = useFormDialog();
  if (!pact || !canAssignMaker(role, pact.status)) return null;
  return (
    <>
      <DialogButton dialog={dialog} variant="outlined" startIcon={<PersonAddIcon />}>
        {translate(pact.communityMakerId ? 'app.assign.change' : 'app.assign.button')}
      </DialogButton>
      {dialog.open ? <AssignDialog pact={pact} dialog={dialog} /> : null}
    </>
  );
};
