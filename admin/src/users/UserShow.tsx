import { BooleanField, EmailField, ReferenceArrayField, SelectField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import { InstantField } from '../common/fields';
import { roleChoices } from './roleChoices';

export const UserShow = () => (
  <ShowPage>
    <TextField source="fullName" />
    <EmailField source="email" />
    <SelectField source="role" choices={roleChoices} />
    <ReferenceArrayField source="territoryIds" reference="territories" />
    <BooleanField source="active" />
    <InstantField source="createdAt" />
    <InstantField source="updatedAt" />
  </ShowPage>
);
