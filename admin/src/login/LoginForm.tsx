import { Box, Button, CardContent, CircularProgress, Link } from '@mui/material';
import { useState } from 'react';
import {
  email,
  Form,
  PasswordInput,
  required,
  TextInput,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { LoginParams } from '../providers/authProvider';
import { FORGOT_PASSWORD_PATH } from './paths';
import { throttleNotice } from './throttleNotice';

/** react-admin's login form, with an email instead of a username (the API logs in by email). */
export const LoginForm = () => {
  const [loading, setLoading] = useState(false);
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();

  const submit = async (values: Partial<LoginParams>) => {
    setLoading(true);
    try {
      await login({ email: values.email, password: values.password });
    } catch (error) {
      const message =
        throttleNotice(error, translate) ??
        (error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error');
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: 320 }}>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        <Button
          variant="contained"
          type="submit"
          color="primary"
          disabled={loading}
          fullWidth
          sx={{ mt: 2 }}
        >
          {loading ? (
            <CircularProgress size={19} thickness={3} aria-hidden />
          ) : (
            translate('ra.auth.sign_in')
          )}
        </Button>
        <Box sx={{ textAlign: 'center', mt: 2 }}>
          <Link href={`#${FORGOT_PASSWORD_PATH}`}>{translate('app.password.forgot_link')}</Link>
        </Box>
      </CardContent>
    </Form>
  );
};
