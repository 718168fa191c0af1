import { Create, minLength, PasswordInput, required, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';

/** The password is write-only: set here, never read back. */
export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ active: true, territoryIds: [] }}>
      <UserInputs />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={[required(), minLength(12)]}
      />
    </SimpleForm>
  </Create>
);
