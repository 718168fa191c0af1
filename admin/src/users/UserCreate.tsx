import { minLength, PasswordInput, required, SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { UserInputs } from './UserInputs';

/** The password is write-only: set here, never read back. */
export const UserCreate = () => (
  <CreatePage>
    <SimpleForm warnWhenUnsavedChanges defaultValues={{ active: true, territoryIds: [] }}>
      <UserInputs />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={[required(), minLength(12)]}
      />
    </SimpleForm>
  </CreatePage>
);
