import type { User } from '@generattivi/shared';
import { Alert, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** "Giulia Rossi — 7 patti aperti": a colleague and their current load. */
export const useLoadLabel = () => {
  const translate = useTranslate();
  return (user: Pick<User, 'fullName' | 'openPacts'>) =>
    `${user.fullName} — ${translate('app.hand_over.load', { smart_count: user.openPacts })}`;
};

/**
 * The colleague who takes on pacts (assigning one, handing a caseload over): each offered with
 * their open-pact load, or `none` said when there is nobody to offer.
 */
export const ColleaguePicker = ({
  label,
  none,
  choices,
  isPending,
  value,
  onChange,
  error,
}: {
  label: string;
  /** The message key said when nobody can be chosen. */
  none: string;
  choices: User[];
  isPending: boolean;
  value: number | '';
  onChange: (id: number) => void;
  error?: string;
}) => {
  const translate = useTranslate();
  const loadLabel = useLoadLabel();
  if (!isPending && choices.length === 0) return <Alert severity="info">{translate(none)}</Alert>;
  return (
    <TextField
      select
      required
      label={label}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
      error={!!error}
      helperText={error}
    >
      {choices.map((user) => (
        <MenuItem key={user.id} value={user.id}>
          {loadLabel(user)}
        </MenuItem>
      ))}
    </TextField>
  );
};
