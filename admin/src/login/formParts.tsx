import { Alert, Box, Button, CircularProgress, Link } from '@mui/material';
import { email, required, TextInput, useTranslate } from 'react-admin';
import { FORGOT_PASSWORD_PATH } from './paths';

/** The account's email address, as a sign-in form asks it (password managers fill it). */
export const EmailInput = () => (
  <TextInput
    autoFocus
    source="email"
    type="email"
    label="ra.auth.email"
    autoComplete="username"
    validate={[required(), email()]}
  />
);

/** The form's one button: a spinner in its place while the request runs. */
export const SubmitButton = ({ busy, label }: { busy: boolean; label: string }) => {
  const translate = useTranslate();
  return (
    <Button variant="contained" type="submit" disabled={busy} fullWidth sx={{ mt: 2 }}>
      {busy ? <CircularProgress size={19} thickness={3} aria-hidden /> : translate(label)}
    </Button>
  );
};

/** What the server refused, read out as it appears (nothing when there is nothing). */
export const ErrorAlert = ({ message }: { message?: string }) =>
  message ? (
    <Alert severity="error" role="alert">
      {message}
    </Alert>
  ) : null;

/** «Password dimenticata?», under a form. */
export const ForgotPasswordLink = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 2 }}>
      <Link href={`#${FORGOT_PASSWORD_PATH}`}>{translate('app.password.forgot_link')}</Link>
    </Box>
  );
};
