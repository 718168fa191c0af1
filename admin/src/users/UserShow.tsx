import {
  BooleanField,
  EmailField,
  ReferenceArrayField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { InstantField } from '../common/fields';
import { roleChoices } from './roleChoices';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="fullName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceArrayField source="territoryIds" reference="territories" />
      <BooleanField source="active" />
      <InstantField source="createdAt" />
      <InstantField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
