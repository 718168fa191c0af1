import { territoryRequired, type User } from '@generattivi/shared';
import { Alert } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput,
  BooleanInput,
  email,
  ReferenceArrayInput,
  required,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { HandOverButton } from '../assignments/HandOverButton';
import { roleChoices } from './roleChoices';

/** A social worker or a community maker needs an ambito: the server's rule and words. */
const territoriesFor = (role: User['role'] | undefined): Validator => {
  const validate: Validator = (value: number[] | undefined, values: Partial<User>) =>
    territoryRequired(values?.role) && !value?.length
      ? { message: 'app.error_codes.MIN_ITEMS', args: { min: 1 } }
      : undefined;
  // react-admin marks the input required from this flag (as it does for required()).
  return Object.assign(validate, { isRequired: territoryRequired(role) });
};

/** Whether the form takes from a holder of open pacts what the server keeps until a hand-over. */
function takesFromHolder(user: User | undefined, values: Partial<User>): boolean {
  if (!user?.openPacts) return false;
  return (
    (values.role !== undefined && values.role !== user.role) ||
    (user.active && values.active === false) ||
    user.territoryIds.some((id) => !(values.territoryIds ?? []).includes(id))
  );
}

/**
 * Why the role or the activity cannot change yet, with "Passa i patti" beside it: the pacts
 * are handed over first (the server refuses otherwise with USER_HOLDS_OPEN_PACTS).
 */
const HeldPactsNotice = ({ user }: { user: User | undefined }) => {
  const translate = useTranslate();
  const values = useWatch<Partial<User>>();
  if (!user || !takesFromHolder(user, values)) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2, maxWidth: '100%' }}
      action={<HandOverButton giver={user} size="small" />}
    >
      {translate('app.hand_over.holds_open_pacts', { smart_count: user.openPacts })}
    </Alert>
  );
};

/** The role and the activity of a holder of open pacts stay as they are until a hand-over. */
const keptByHolder =
  (user: User | undefined, field: 'role' | 'active'): Validator =>
  (value: unknown) =>
    user?.openPacts && (field === 'role' ? value !== user.role : user.active && value === false)
      ? 'app.hand_over.keeps_until_handed_over'
      : undefined;

export const UserInputs = () => {
  const user = useRecordContext<User>();
  const role = useWatch<Partial<User>, 'role'>({ name: 'role' });
  return (
    <>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <TextInput source="fullName" validate={required()} />
      <SelectInput
        source="role"
        choices={roleChoices}
        validate={[required(), keptByHolder(user, 'role')]}
      />
      <ReferenceArrayInput source="territoryIds" reference="territories">
        <AutocompleteArrayInput validate={territoriesFor(role)} />
      </ReferenceArrayInput>
      <BooleanInput source="active" validate={keptByHolder(user, 'active')} />
      <HeldPactsNotice user={user} />
    </>
  );
};
