import type { Pact, Role, User } from '@generattivi/shared';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Alert, Button, DialogContentText, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import {
  useDataProvider,
  useGetList,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { useDialogMutation } from '../common/useDialogMutation';
import type { AppDataProvider } from '../providers/dataProvider';
import { canAssignMaker } from './pactPermissions';

/** Offers only the active community makers of the pact's territory. */
const AssignDialog = ({ pact, onClose }: { pact: Pact; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: makers = [], isPending } = useGetList<User>('users', {
    filter: { role: 'COMMUNITY_MAKER', territoryIds: pact.territoryId, active: true },
    sort: { field: 'fullName', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const choices = makers.filter((m) => m.id !== pact.communityMakerId);
  const [makerId, setMakerId] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const { sending, errors, setErrors, refusal, run } = useDialogMutation();

  const submit = async () => {
    if (makerId === '') {
      setErrors({ communityMakerId: translate('ra.validation.required') });
      return;
    }
    const saved = await run(() =>
      dataProvider.assignPact(pact.id, {
        communityMakerId: makerId,
        version: pact.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    );
    if (!saved) return;
    notify('app.assign.done', {
      type: 'success',
      messageArgs: { name: makers.find((m) => m.id === makerId)?.fullName ?? '' },
    });
    onClose();
    refresh();
  };

  return (
    <FormDialog
      title={`${translate('app.assign.title')} — ${pact.reference}`}
      open
      onClose={onClose}
      onSubmit={submit}
      submitLabel={translate('app.assign.confirm')}
      sending={sending}
      submitDisabled={!isPending && choices.length === 0}
      refusal={refusal}
    >
      <DialogContentText>{translate('app.assign.explain')}</DialogContentText>
      {!isPending && choices.length === 0 ? (
        <Alert severity="info">{translate('app.assign.none')}</Alert>
      ) : (
        <TextField
          select
          required
          label={translate('resources.pacts.fields.communityMakerId')}
          value={makerId}
          onChange={(e) => setMakerId(Number(e.target.value))}
          error={!!errors.communityMakerId}
          helperText={errors.communityMakerId}
        >
          {choices.map((maker) => (
            <MenuItem key={maker.id} value={maker.id}>
              {maker.fullName}
            </MenuItem>
          ))}
        </TextField>
      )}
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
  const [open, setOpen] = useState(false);
  if (!pact || !canAssignMaker(role, pact.status)) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<PersonAddIcon />} onClick={() => setOpen(true)}>
        {translate(pact.communityMakerId ? 'app.assign.change' : 'app.assign.button')}
      </Button>
      {open ? <AssignDialog pact={pact} onClose={() => setOpen(false)} /> : null}
    </>
  );
};
