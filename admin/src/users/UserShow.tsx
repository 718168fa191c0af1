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
import { HandOverButton } from '../assignments/HandOverButton';
import { ShowPage } from '../common/ShowPage';
import { InstantField } from '../common/fields';
import { roleChoices } from './roleChoices';

/** "Passa i patti" for a community maker or social worker who holds open pacts. */
const UserHandOver = () => {
  const user = useRecordContext<User>();
  return user ? <HandOverButton giver={user} /> : null;
};

export const UserShow = () => (
  <ShowPage>
    <TextField source="fullName" />
    <EmailField source="email" />
    <SelectField source="role" choices={roleChoices} />
    <ReferenceArrayField source="territoryIds" reference="territories" />
    <BooleanField source="active" />
    <NumberField source="openPacts" />
    <UserHandOver />
    <InstantField source="createdAt" />
    <InstantField source="updatedAt" />
  </ShowPage>
);
