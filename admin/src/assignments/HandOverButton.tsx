import { isAllowed, type Pact, type Role, type User } from '@generattivi/shared';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { DialogContentText, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import {
  useDataProvider,
  useGetList,
  useGetOne,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
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
const HandOverDialog = ({
  giver,
  dialog,
  pactIds,
  onDone,
}: {
  giver: HandOverGiver;
  dialog: FormDialogState;
  /** Only these pacts of the giver (the list's selection), not all their open ones. */
  pactIds?: number[];
  onDone?: () => void;
}) => {
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
    const sent = await dialog.send(
      async () => {
        const result = await dataProvider.handOver({
          fromUserId: giver.id,
          toUserId: Number(toUserId),
          reason: reason.trim(),
          ...(pactIds ? { pactIds } : {}),
        });
        said.smart_count = result.moved;
      },
      'app.hand_over.done',
      said,
    );
    if (sent) onDone?.();
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
        {pactIds
          ? translate('app.hand_over.explain_selected', {
              smart_count: pactIds.length,
              name: giver.fullName,
            })
          : translate('app.hand_over.explain', { smart_count: giver.openPacts })}
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

/** Whether the signed-in role may hand pacts over (the permission table). */
export function useMayHandOver(): boolean {
  const { permissions: role } = usePermissions<Role | undefined>();
  return !!role && isAllowed(role, 'assignments', 'hand-over');
}

/**
 * "Passa i patti selezionati" in the pact list's bulk actions: the selected pacts, all of one
 * community maker, to a colleague; the selection clears once they moved.
 */
export const HandOverSelectedButton = () => {
  const translate = useTranslate();
  const dialog = useFormDialog();
  const mayHandOver = useMayHandOver();
  const { selectedIds, data = [], onUnselectItems } = useListContext<Pact>();
  const makers = [
    ...new Set(
      data.filter((p) => selectedIds.includes(p.id)).map((p) => p.communityMakerId ?? null),
    ),
  ];
  const makerId = makers.length === 1 ? makers[0] : null;
  const { data: maker } = useGetOne<User>(
    'users',
    { id: makerId ?? 0 },
    { enabled: makerId !== null },
  );
  if (!mayHandOver) return null;
  const problem =
    makerId === null
      ? translate(makers.length > 1 ? 'app.hand_over.several_makers' : 'app.hand_over.no_maker')
      : null;
  return (
    <>
      <Tooltip title={problem ?? ''}>
        <span>
          <DialogButton
            dialog={dialog}
            size="small"
            startIcon={<SwapHorizIcon />}
            disabled={problem !== null || !maker}
          >
            {translate('app.hand_over.selected')}
          </DialogButton>
        </span>
      </Tooltip>
      {dialog.open && maker ? (
        <HandOverDialog
          giver={maker}
          dialog={dialog}
          pactIds={selectedIds.map(Number)}
          onDone={() => onUnselectItems()}
        />
      ) : null}
    </>
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
  const mayHandOver = useMayHandOver();
  const translate = useTranslate();
  const dialog = useFormDialog();
  if (!mayHandOver) return null;
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
