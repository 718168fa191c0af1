import { isAllowed, type Role, type User } from '@generattivi/shared';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { DialogContentText, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetList, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { DialogButton, FormDialog } from '../common/FormDialog';
import { ColleaguePicker } from './ColleaguePicker';
import { useFormDialog, type FormDialogState } from '../common/useFormDialog';
import type { AppDataProvider } from '../providers/dataProvider';

/** Whom a hand-over starts from: a community maker or a social worker, and their open pacts. */
export type HandOverGiver = Pick<User, 'id' | 'fullName' | 'role' | 'openPacts'>;

/**
 * The colleagues who may receive the pacts: active, of the giver's role, working in one of the
 * giver's territories (the server refuses those outside a pact's territory, naming the pacts).
 */
const HandOverDialog = ({ giver, dialog }: { giver: HandOverGiver; dialog: FormDialogState }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: account } = useGetOne<User>('users', { id: giver.id });
  const { data: colleagues = [], isPending } = useGetList<User>(
    'users',
    {
      filter: { role: giver.role, active: true, territoryIds: account?.territoryIds ?? [] },
      sort: { field: 'fullName', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: !!account },
  );
  const choices = colleagues.filter((u) => u.id !== giver.id);
  const [toUserId, setToUserId] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const { errors } = dialog;

  const submit = async () => {
    if (!dialog.required({ toUserId, reason: reason.trim() })) return;
    const to = choices.find((u) => u.id === toUserId);
    // Filled once the server answered, before the notice is shown.
    const said = { smart_count: 0, name: to?.fullName ?? '' };
    await dialog.send(
      async () => {
        const result = await dataProvider.handOver({
          fromUserId: giver.id,
          toUserId: Number(toUserId),
          reason: reason.trim(),
        });
        said.smart_count = result.moved;
      },
      'app.hand_over.done',
      said,
    );
  };

  return (
    <FormDialog
      dialog={dialog}
      title={`${translate('app.hand_over.title')} — ${giver.fullName}`}
      onSubmit={submit}
      submitLabel={translate('app.hand_over.confirm')}
      submitDisabled={!isPending && choices.length === 0}
    >
      <DialogContentText>
        {translate('app.hand_over.explain', { smart_count: giver.openPacts })}
      </DialogContentText>
      <ColleaguePicker
        label={translate('app.hand_over.to')}
        none="app.hand_over.none"
        choices={choices}
        isPending={isPending}
        value={toUserId}
        onChange={setToUserId}
        error={errors.toUserId}
      />
      <TextField
        required
        label={translate('app.hand_over.reason')}
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

/**
 * "Passa i patti": every open pact of a community maker (or social worker) to a colleague, in
 * one step. For ADMIN and social workers, and only when the person holds open pacts.
 */
export const HandOverButton = ({
  giver,
  size = 'medium',
}: {
  giver: HandOverGiver;
  size?: 'small' | 'medium';
}) => {
  const { permissions: role } = usePermissions<Role | undefined>();
  const translate = useTranslate();
  const dialog = useFormDialog();
  if (!role || !isAllowed(role, 'assignments', 'hand-over')) return null;
  if (giver.role !== 'COMMUNITY_MAKER' && giver.role !== 'SOCIAL_WORKER') return null;
  if (giver.openPacts === 0) return null;
  return (
    <>
      <DialogButton dialog={dialog} variant="outlined" size={size} startIcon={<SwapHorizIcon />}>
        {translate('app.hand_over.button')}
      </DialogButton>
      {dialog.open ? <HandOverDialog giver={giver} dialog={dialog} /> : null}
    </>
  );
};
