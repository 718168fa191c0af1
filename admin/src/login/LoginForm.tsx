import { CardContent } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, required, useLogin, useNotify, useTranslate } from 'react-admin';
import type { LoginParams } from '../providers/authProvider';
import { EmailInput, ForgotPasswordLink, SubmitButton } from './formParts';
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
        <EmailInput />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        <SubmitButton busy={loading} label="ra.auth.sign_in" />
        <ForgotPasswordLink />
      </CardContent>
    </Form>
  );
};
