import type { User } from '@generattivi/shared';
import {
  BooleanField,
  EmailField,
  NumberField,
  ReferenceArrayField,
  SelectField,
  TextField,
  useRecordContext,
} from 'react-admin';
import SendIcon from '@mui/icons-material/Send';
import { Button } from '@mui/material';
import { useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { HandOverButton } from '../assignments/HandOverButton';
import type { AppDataProvider } from '../providers/dataProvider';
import { ShowPage } from '../common/ShowPage';
import { InstantField } from '../common/fields';
import { roleChoices } from './roleChoices';

/** "Passa i patti" for a community maker or social worker who holds open pacts. */
const UserHandOver = () => {
  const user = useRecordContext<User>();
  return user ? <HandOverButton giver={user} /> : null;
};

/** «Invia di nuovo l'invito»: a new link to choose the password (the older ones stop working). */
const InviteAgainButton = () => {
  const user = useRecordContext<User>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record: user });
  if (!user?.active || !canAccess) return null;
  const invite = async () => {
    try {
      await dataProvider.sendInvitation(user.id);
      notify('app.invitations.sent', { type: 'info', messageArgs: { email: user.email } });
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Button startIcon={<SendIcon />} onClick={() => void invite()} sx={{ alignSelf: 'start' }}>
      {translate('app.invitations.send_again')}
    </Button>
  );
};

export const UserShow = () => (
  <ShowPage>
    <TextField source="fullName" />
    <EmailField source="email" />
    <SelectField source="role" choices={roleChoices} />
    <ReferenceArrayField source="territoryIds" reference="territories" />
    <BooleanField source="active" />
    <InviteAgainButton />
    <BooleanField source="mustChangePassword" />
    <NumberField source="openPacts" />
    <UserHandOver />
    <InstantField source="createdAt" />
    <InstantField source="updatedAt" />
  </ShowPage>
);
