import HandshakeIcon from '@mui/icons-material/Handshake';
import { CardHeader } from '@mui/material';
import { Login, useTranslate } from 'react-admin';
import { LoginForm } from './LoginForm';

/** "GenerAttivi — Patti GenerAttivi, progetto Fare Legami" above the sign-in form. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login avatarIcon={<HandshakeIcon />}>
      <CardHeader
        title={translate('app.title')}
        subheader={translate('app.subtitle')}
        slotProps={{ title: { component: 'h1' } }}
        sx={{ textAlign: 'center', pt: 0 }}
      />
      <LoginForm />
    </Login>
  );
};
