import { Alert, Box, Button, CardContent, Link, Typography } from '@mui/material';
import type { PasswordTokenInfo } from '@generattivi/shared';
import { HttpError } from 'ra-core';
import { useEffect, useState, type ReactNode } from 'react';
import {
  Form,
  Login,
  minLength,
  PasswordInput,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import HandshakeIcon from '@mui/icons-material/Handshake';
import { localizeCode, localizeFieldErrors, type CodedErrorBody } from '../common/serverMessages';
import {
  changeOwnPassword,
  describePasswordToken,
  requestPasswordReset,
  setPasswordWithToken,
  tokenOfPage,
} from './passwordApi';
import { EmailInput, ErrorAlert, ForgotPasswordLink, SubmitButton } from './formParts';
import { authProvider } from './session';

type Translate = ReturnType<typeof useTranslate>;

/** What the server refused, in the user's language: the code's sentence and each field's. */
export function refusalText(error: unknown, translate: Translate): string {
  if (!(error instanceof HttpError)) return translate('ra.notification.http_error');
  const body = (error.body ?? {}) as CodedErrorBody;
  const fields = Object.values(localizeFieldErrors(body, translate));
  const fallback = typeof body.message === 'string' ? body.message : error.message;
  return fields.length ? fields.join(' ') : localizeCode(body, translate, fallback);
}

/** The second password must repeat the first. */
const sameAs =
  (field: string): Validator =>
  (value: unknown, values: Record<string, unknown>) =>
    value === values[field] ? undefined : 'app.password.mismatch';

/** The new password twice, with the rules in words under the first. */
const NewPasswordInputs = ({ source = 'password' }: { source?: string }) => (
  <>
    <PasswordInput
      source={source}
      label="app.password.new_password"
      autoComplete="new-password"
      helperText="app.password.hint"
      validate={[required(), minLength(12)]}
    />
    <PasswordInput
      source="repeat"
      label="app.password.repeat_password"
      autoComplete="new-password"
      validate={[required(), sameAs(source)]}
    />
  </>
);

/** A page of the login shell: the card of the login page, with a heading of its own. */
const PublicCard = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Login avatarIcon={<HandshakeIcon />}>
      <CardContent sx={{ width: 320, maxWidth: '100%', boxSizing: 'border-box' }}>
        <Typography component="h1" variant="h6" sx={{ textAlign: 'center', mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Login>
  );
};

const BackToLogin = ({ label = 'app.password.back_to_login' }: { label?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 2 }}>
      <Link href="#/login">{translate(label)}</Link>
    </Box>
  );
};

/** «Password dimenticata?»: an email address, then the same answer whatever it is. */
export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (values: { email?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await requestPasswordReset(values.email ?? '');
      setSent(true);
    } catch (e) {
      setError(refusalText(e, translate));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PublicCard title="app.password.forgot_title">
      {sent ? (
        <Alert severity="success" role="status">
          {translate('app.password.forgot_sent')}
        </Alert>
      ) : (
        <Form onSubmit={submit} noValidate>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('app.password.forgot_intro')}
          </Typography>
          <EmailInput />
          <ErrorAlert message={error} />
          <SubmitButton busy={busy} label="app.password.forgot_send" />
        </Form>
      )}
      <BackToLogin />
    </PublicCard>
  );
};

/** The page of a mailed link (invitation or reset): the new password twice, then sign in. */
export const SetPasswordPage = () => {
  const translate = useTranslate();
  const token = tokenOfPage();
  const [info, setInfo] = useState<PasswordTokenInfo>();
  const [refused, setRefused] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  useEffect(() => {
    describePasswordToken(token).then(setInfo, (e: unknown) =>
      setRefused(refusalText(e, translate)),
    );
  }, [token, translate]);
  const submit = async (values: { password?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      setDone((await setPasswordWithToken(token, values.password ?? '')).email);
    } catch (e) {
      setError(refusalText(e, translate));
    } finally {
      setBusy(false);
    }
  };
  let content: ReactNode;
  if (done)
    content = (
      <>
        <Alert severity="success" role="status">
          {translate('app.password.set_done', { email: done })}
        </Alert>
        <Button variant="contained" href="#/login" fullWidth sx={{ mt: 2 }}>
          {translate('app.password.sign_in')}
        </Button>
      </>
    );
  else if (refused)
    content = (
      <>
        <ErrorAlert message={refused} />
        <ForgotPasswordLink />
      </>
    );
  else if (!info)
    content = <Typography role="status">{translate('app.password.checking')}</Typography>;
  else
    content = (
      <Form onSubmit={submit} noValidate>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.password.set_greeting', { name: info.fullName, email: info.email })}
        </Typography>
        {/* For password managers: the account the password is for. */}
        <input type="hidden" name="username" autoComplete="username" value={info.email} />
        <NewPasswordInputs />
        <ErrorAlert message={error} />
        <SubmitButton busy={busy} label="app.password.save" />
      </Form>
    );
  return (
    <PublicCard title="app.password.set_title">
      {content}
      {done ? null : <BackToLogin />}
    </PublicCard>
  );
};

/**
 * «Cambia la password», all a user sees while their password is one an administrator set:
 * the current one and the new one twice; then the new session, and the admin as usual.
 */
export const ChangePasswordForm = ({ onChanged }: { onChanged: () => void }) => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (values: { currentPassword?: string; newPassword?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await changeOwnPassword(
        authProvider.getToken() ?? '',
        values.currentPassword ?? '',
        values.newPassword ?? '',
      );
      authProvider.setSession(session);
      onChanged();
    } catch (e) {
      setError(refusalText(e, translate));
      setBusy(false);
    }
  };
  return (
    <Box sx={{ maxWidth: 420, width: '100%', mx: 'auto', mt: 2, px: 1, boxSizing: 'border-box' }}>
      <Typography component="h1" variant="h5" sx={{ mb: 1 }}>
        {translate('app.password.change_title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('app.password.change_intro')}
      </Typography>
      <Form onSubmit={submit} noValidate>
        <PasswordInput
          source="currentPassword"
          label="app.password.current_password"
          autoComplete="current-password"
          validate={required()}
        />
        <NewPasswordInputs source="newPassword" />
        <ErrorAlert message={error} />
        <SubmitButton busy={busy} label="app.password.save" />
      </Form>
    </Box>
  );
};
