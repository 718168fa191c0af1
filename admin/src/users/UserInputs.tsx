import {
  BooleanInput,
  email,
  ReferenceArrayInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { roleChoices } from './roleChoices';

export const UserInputs = () => (
  <>
    <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
    <TextInput source="fullName" validate={required()} />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <ReferenceArrayInput source="territoryIds" reference="territories" />
    <BooleanInput source="active" />
  </>
);
